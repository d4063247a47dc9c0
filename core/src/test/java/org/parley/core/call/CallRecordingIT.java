package org.parley.core.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.testing.RecordingSink;
import org.parley.core.testing.ToneSequence;
import org.parley.media.codec.G711Codec;
import org.parley.media.wav.WavFileSource;

/** A call recorded mid-call to a file: both directions, each where it belongs. */
class CallRecordingIT {

  // Two silent segments first, so the recording started after the answer misses no tone.
  private static final double[] ALICE_TONES = {0, 0, 500, 800, 1100};
  private static final double[] BOB_TONES = {0, 0, 1300, 1000, 700};

  @TempDir Path dir;
  private TwoPhones phones;

  @BeforeEach
  void start() throws Exception {
    phones = new TwoPhones();
  }

  @AfterEach
  void stop() {
    phones.close();
  }

  @Test
  void aStereoRecordingHoldsOurSideLeftAndTheirsRight() throws Exception {
    RecordingSink aliceHears = new RecordingSink(ToneSequence.RATE_HZ);
    RecordingSink bobHears = new RecordingSink(ToneSequence.RATE_HZ);
    Call outgoing = callBob(aliceHears, bobHears);
    Path file = dir.resolve("call.wav");

    outgoing.recording().start(file, CallRecording.Layout.STEREO);
    assertThat(outgoing.recording().active()).isTrue();
    int toneMillis = ToneSequence.SEGMENT_MILLIS * ALICE_TONES.length;
    bobHears.awaitAfterSound(toneMillis, 15_000);
    aliceHears.awaitAfterSound(toneMillis, 15_000);
    outgoing.recording().stop();

    try (WavFileSource wav = WavFileSource.open(file)) {
      assertThat(wav.channels()).isEqualTo(2);
      assertThat(wav.sampleRateHz()).isEqualTo(CallRecording.RATE_HZ);
      short[] stereo = new short[(int) wav.frameCount() * 2];
      wav.read(stereo);
      assertThat(ToneSequence.toneRunsIn(channel(stereo, 0), wav.sampleRateHz()))
          .as("our side, left")
          .containsExactly(500.0, 800.0, 1100.0);
      assertThat(ToneSequence.toneRunsIn(channel(stereo, 1), wav.sampleRateHz()))
          .as("their side, right")
          .containsExactly(1300.0, 1000.0, 700.0);
    }
    outgoing.hangUp();
    phones.aliceEvents.next(CallEnded.class);
  }

  @Test
  void theCallsEndStopsAnOggOpusRecordingAndClosesTheFile() throws Exception {
    RecordingSink bobHears = new RecordingSink(ToneSequence.RATE_HZ);
    Call outgoing = callBob(new RecordingSink(ToneSequence.RATE_HZ), bobHears);
    Path file = dir.resolve("call.ogg");
    outgoing.recording().start(file, CallRecording.Layout.MIXED);
    assertThatThrownBy(() -> outgoing.recording().start(dir.resolve("again.wav"), null))
        .isInstanceOf(IllegalStateException.class);
    bobHears.awaitAfterSound(ToneSequence.SEGMENT_MILLIS * ALICE_TONES.length, 15_000);

    outgoing.hangUp();
    phones.aliceEvents.next(CallEnded.class);

    assertThat(outgoing.recording().active()).isFalse();
    byte[] ogg = Files.readAllBytes(file);
    String text = new String(ogg, StandardCharsets.ISO_8859_1);
    assertThat(text).startsWith("OggS").contains("OpusHead", "OpusTags");
    // The last page ends the stream (RFC 3533 header type 0x04) and its granule position counts
    // the audio written: the muxer was closed after audio, not cut off.
    int lastPage = text.lastIndexOf("OggS");
    assertThat(ogg[lastPage + 5] & 0x04).as("end-of-stream flag").isEqualTo(0x04);
    long granule = ByteBuffer.wrap(ogg, lastPage + 6, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertThat(granule).as("48 kHz samples recorded").isGreaterThan(48_000L / 2);
  }

  @Test
  void aCallWithoutAudioYetCannotBeRecorded() {
    Call ringing = phones.alice.call("bob");

    assertThatThrownBy(
            () -> ringing.recording().start(dir.resolve("early.wav"), CallRecording.Layout.MIXED))
        .isInstanceOf(IllegalStateException.class);
    ringing.hangUp();
  }

  private Call callBob(RecordingSink aliceHears, RecordingSink bobHears) throws Exception {
    Call outgoing =
        phones.alice.call(
            "bob",
            CallMedia.of(new ToneSequence(ALICE_TONES), aliceHears)
                .withCodecs(List.of(G711Codec.PCMU)));
    phones
        .bobEvents
        .next(IncomingCall.class)
        .call()
        .answer(CallMedia.of(new ToneSequence(BOB_TONES), bobHears));
    phones.aliceEvents.next(CallEstablished.class);
    return outgoing;
  }

  private static short[] channel(short[] stereo, int index) {
    short[] mono = new short[stereo.length / 2];
    for (int i = 0; i < mono.length; i++) {
      mono[i] = stereo[2 * i + index];
    }
    return mono;
  }
}
