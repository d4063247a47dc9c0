package org.parley.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.CallMediaChanged;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.testing.RecordingSink;
import org.parley.core.testing.ToneSequence;
import org.parley.media.audio.AudioSink;
import org.parley.media.audio.AudioSource;
import org.parley.media.codec.G711Codec;

/** A re-INVITE that changes the codec switches both phones' audio to it; the call stays up. */
class CodecChangeIT {

  private static final double[] ALICE_TONES = {500, 800, 1100, 1400};
  private static final double[] BOB_TONES = {1300, 1000, 700, 400};

  private TwoPhones phones;

  @BeforeEach
  void start() throws Exception {
    phones = new TwoPhones();
  }

  @AfterEach
  void stop() {
    phones.close();
  }

  /** Plays silence until the test hands it tones. */
  private static final class Cue implements AudioSource {
    private volatile AudioSource playing = new ToneSequence();

    void play(AudioSource next) {
      playing = next;
    }

    @Override
    public int sampleRateHz() {
      return ToneSequence.RATE_HZ;
    }

    @Override
    public int read(short[] frame) {
      return playing.read(frame);
    }
  }

  /** Hands what it hears to the current recording, so a test can start a fresh one. */
  private static final class Tap implements AudioSink {
    private volatile RecordingSink recording = new RecordingSink(ToneSequence.RATE_HZ);

    RecordingSink fresh() {
      recording = new RecordingSink(ToneSequence.RATE_HZ);
      return recording;
    }

    @Override
    public int sampleRateHz() {
      return ToneSequence.RATE_HZ;
    }

    @Override
    public void write(short[] frame, int sampleCount) {
      recording.write(frame, sampleCount);
    }
  }

  @Test
  void switchingFromPcmuToPcmaKeepsTheCallAndBothSidesHearTheTonesAfterwards() throws Exception {
    Cue aliceSays = new Cue();
    Cue bobSays = new Cue();
    Tap aliceHears = new Tap();
    Tap bobHears = new Tap();
    Call outgoing =
        phones.alice.call(
            "bob",
            CallMedia.of(aliceSays, aliceHears)
                .withCodecs(List.of(G711Codec.PCMU, G711Codec.PCMA)));
    Call incoming = phones.bobEvents.next(IncomingCall.class).call();
    incoming.answer(CallMedia.of(bobSays, bobHears));
    assertThat(phones.aliceEvents.next(CallEstablished.class).codec()).isEqualTo("PCMU");
    phones.bobEvents.next(CallEstablished.class);

    outgoing.changeCodecs(List.of(G711Codec.PCMA));
    CallMediaChanged aliceChanged = phones.aliceEvents.next(CallMediaChanged.class);
    CallMediaChanged bobChanged = phones.bobEvents.next(CallMediaChanged.class);
    assertThat(aliceChanged.codec()).isEqualTo("PCMA");
    assertThat(bobChanged.codec()).isEqualTo("PCMA");
    assertThat(outgoing.state()).isEqualTo(Call.State.ESTABLISHED);
    assertThat(incoming.codec()).hasValue("PCMA");

    RecordingSink bobRecording = bobHears.fresh();
    RecordingSink aliceRecording = aliceHears.fresh();
    aliceSays.play(new ToneSequence(ALICE_TONES));
    bobSays.play(new ToneSequence(BOB_TONES));
    assertThat(bobRecording.awaitToneRuns(4, 15_000)).containsExactly(500.0, 800.0, 1100.0, 1400.0);
    assertThat(aliceRecording.awaitToneRuns(4, 15_000))
        .containsExactly(1300.0, 1000.0, 700.0, 400.0);

    outgoing.hangUp();
    assertThat(phones.bobEvents.next(CallEnded.class).call()).isSameAs(incoming);
  }

  @Test
  void aPeersReinviteForPcmaPutsPcmaOnTheWireCarryingTheTones() throws Exception {
    Cue bobSays = new Cue();
    try (DatagramSocket rtp =
            new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        RawSipPeer peer = new RawSipPeer(phones.bobContact(), "sip:bob@office.example")) {
      peer.invite(RawSipPeer.sdp(rtp.getLocalPort(), "RTP/AVP", "0 8"));
      Call incoming = phones.bobEvents.next(IncomingCall.class).call();
      incoming.answer(CallMedia.of(bobSays, new Tap()));
      List<RawSipPeer.Message> first = peer.responsesUntilFinal(5_000);
      peer.ack(first.get(first.size() - 1));
      assertThat(phones.bobEvents.next(CallEstablished.class).codec()).isEqualTo("PCMU");
      assertThat(RawSipPeer.receiveRtp(rtp, 1).get(0)[1] & 0x7F).isZero();

      peer.invite(RawSipPeer.sdp(rtp.getLocalPort(), "RTP/AVP", "8"));
      List<RawSipPeer.Message> second = peer.responsesUntilFinal(5_000);
      RawSipPeer.Message ok = second.get(second.size() - 1);
      peer.ack(ok);
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.body()).contains("RTP/AVP 8");
      assertThat(phones.bobEvents.next(CallMediaChanged.class).codec()).isEqualTo("PCMA");
      bobSays.play(new ToneSequence(BOB_TONES));

      List<byte[]> packets = RawSipPeer.receiveRtp(rtp, 120);
      int firstPcma = 0;
      while ((packets.get(firstPcma)[1] & 0x7F) == 0) {
        firstPcma++; // PCMU sent before the switch, still in the socket's queue
      }
      ByteArrayOutputStream payloads = new ByteArrayOutputStream();
      for (byte[] packet : packets.subList(firstPcma, packets.size())) {
        assertThat(packet[1] & 0x7F).isEqualTo(8);
        payloads.write(packet, 12, packet.length - 12);
      }
      byte[] alaw = payloads.toByteArray();
      short[] pcm = new short[alaw.length];
      G711Codec.PCMA.newDecoder().decode(alaw, 0, alaw.length, pcm);
      assertThat(ToneSequence.tonesIn(pcm, ToneSequence.RATE_HZ, 4))
          .containsExactly(1300.0, 1000.0, 700.0, 400.0);
      peer.bye();
    }
  }
}
