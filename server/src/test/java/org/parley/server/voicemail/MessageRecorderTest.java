package org.parley.server.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.media.codec.G711;
import org.parley.media.codec.G711Codec;
import org.parley.media.rtp.RtpPacket;
import org.parley.media.rtp.RtpPacketParser;
import org.parley.media.rtp.RtpPacketWriter;
import org.parley.media.sdp.SdpParser;
import org.parley.media.sdp.SessionDescription;
import org.parley.media.wav.WavFileSource;

class MessageRecorderTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @TempDir Path folder;

  private DatagramSocket caller;
  private final BlockingQueue<MessageRecorder.EndReason> ended = new ArrayBlockingQueue<>(4);

  @BeforeEach
  void open() throws Exception {
    caller = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    caller.setSoTimeout(5000);
  }

  @AfterEach
  void close() {
    caller.close();
  }

  private MessageRecorder start(short[] greeting, Path file, VoicemailSettings settings)
      throws Exception {
    SessionDescription offer =
        SdpParser.parse(
            ("v=0\r\no=c 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio "
                    + caller.getLocalPort()
                    + " RTP/AVP 0\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    VoicemailAnswer.Choice media = VoicemailAnswer.choose(offer).orElseThrow();
    assertThat(media.codec()).isEqualTo(G711Codec.PCMU);
    return MessageRecorder.start(LOOPBACK, media, greeting, file, settings, ended::add);
  }

  private RtpPacket receive() throws Exception {
    byte[] buffer = new byte[2048];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    caller.receive(packet);
    return RtpPacketParser.parse(Arrays.copyOf(packet.getData(), packet.getLength()));
  }

  private void send(MessageRecorder recorder, int payloadType, int sequence, short level)
      throws Exception {
    byte[] payload = new byte[160];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = G711.linearToUlaw((short) (i % 2 == 0 ? level : -level));
    }
    byte[] datagram =
        RtpPacketWriter.write(
            RtpPacket.of(payloadType, false, sequence, sequence * 160L, 7, payload));
    caller.send(
        new DatagramPacket(
            datagram, datagram.length, new InetSocketAddress(LOOPBACK, recorder.rtpPort())));
  }

  @Test
  void playsTheGreetingThenRecordsUntilTheCallerFallsSilent() throws Exception {
    short[] greeting = new short[480];
    Arrays.fill(greeting, (short) 4000);
    Path file = folder.resolve("message.wav.part");
    VoicemailSettings settings =
        new VoicemailSettings(
            Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMillis(400));
    MessageRecorder recorder = start(greeting, file, settings);
    try {
      RtpPacket first = receive();
      assertThat(first.marker()).isTrue();
      assertThat(first.payload()).hasSize(160).containsOnly(G711.linearToUlaw((short) 4000));
      receive();
      RtpPacket last = receive();
      assertThat(last.sequenceNumber()).isEqualTo((first.sequenceNumber() + 2) & 0xFFFF);
      assertThat(last.timestamp()).isEqualTo(first.timestamp() + 320);

      send(recorder, 0, 1, (short) 3000);
      send(recorder, 0, 2, (short) 3000);
      send(recorder, 0, 2, (short) 3000); // a duplicate: recorded once
      send(recorder, 101, 3, (short) 3000); // a telephone-event: not audio
      send(recorder, 0, 4, (short) 3000); // 3 was lost: one frame of concealment

      assertThat(ended.poll(5, TimeUnit.SECONDS)).isEqualTo(MessageRecorder.EndReason.SILENCE);
    } finally {
      MessageRecorder.Recording recording = recorder.finish();
      assertThat(recording.durationMillis()).isEqualTo(80);
    }
    try (WavFileSource audio = WavFileSource.open(file)) {
      assertThat(audio.frameCount()).isEqualTo(640);
      short[] pcm = new short[640];
      audio.read(pcm);
      assertThat(Math.abs(pcm[0] - 3000)).isLessThan(100);
    }
  }

  @Test
  void keepsPausesButTrimsTheSilenceAfterTheLastSound() throws Exception {
    Path file = folder.resolve("pause.wav.part");
    VoicemailSettings settings =
        new VoicemailSettings(
            Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMillis(400));
    MessageRecorder recorder = start(new short[160], file, settings);
    MessageRecorder.Recording recording;
    try {
      receive();
      send(recorder, 0, 1, (short) 3000);
      send(recorder, 0, 2, (short) 0);
      send(recorder, 0, 3, (short) 3000);
      send(recorder, 0, 4, (short) 0);
      send(recorder, 0, 5, (short) 0);
      assertThat(ended.poll(5, TimeUnit.SECONDS)).isEqualTo(MessageRecorder.EndReason.SILENCE);
    } finally {
      recording = recorder.finish();
    }
    assertThat(recording.durationMillis()).isEqualTo(60);
    try (WavFileSource audio = WavFileSource.open(file)) {
      short[] pcm = new short[480];
      assertThat(audio.read(pcm)).isEqualTo(480);
      assertThat(Math.abs(pcm[0])).isGreaterThan(2800);
      assertThat(Math.abs(pcm[200])).isLessThan(10);
      assertThat(Math.abs(pcm[320])).isGreaterThan(2800);
    }
  }

  @Test
  void endsAtTheMaximumLengthWhateverTheSilenceLimit() throws Exception {
    VoicemailSettings settings =
        new VoicemailSettings(
            Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(30));
    MessageRecorder recorder = start(new short[160], folder.resolve("long.wav.part"), settings);
    try {
      receive();
      assertThat(ended.poll(5, TimeUnit.SECONDS)).isEqualTo(MessageRecorder.EndReason.MAX_LENGTH);
      assertThat(ended.poll(200, TimeUnit.MILLISECONDS)).isNull();
    } finally {
      long startNanos = System.nanoTime();
      recorder.finish();
      // The ticker must not be left waiting for a lock finish() holds (it once cost 2 s).
      assertThat(System.nanoTime() - startNanos).isLessThan(TimeUnit.MILLISECONDS.toNanos(1000));
    }
  }
}
