package org.parley.core.call;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.parley.core.testing.ToneSequence;
import org.parley.media.audio.AudioSource;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.codec.G711Codec;
import org.parley.media.rtp.RtpPacket;
import org.parley.media.rtp.RtpPacketWriter;

/**
 * A hand-made RTP sender for tests that play the callee: PCMU every 20 ms from one SSRC, silence
 * until {@link #play} hands it tones, so one unbroken stream can carry audio before and after a
 * signalling event.
 */
final class RtpToneSender implements AutoCloseable {

  private static final int PTIME_MILLIS = 20;
  private static final int FRAME_SAMPLES = ToneSequence.RATE_HZ * PTIME_MILLIS / 1000;
  private static final long SSRC = 0x5EA1_0183L;

  private final DatagramSocket socket;
  private final InetSocketAddress destination;
  private final AudioEncoder encoder = G711Codec.PCMU.newEncoder();
  private final ScheduledExecutorService pacer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "rtp-tone-sender");
            thread.setDaemon(true);
            return thread;
          });
  private volatile AudioSource playing = new ToneSequence();
  private int sequenceNumber = 1000;
  private long timestamp = 160_000;

  RtpToneSender(DatagramSocket socket, InetSocketAddress destination) {
    this.socket = socket;
    this.destination = destination;
  }

  /** Starts sending, one packet per 20 ms, from silence. */
  void start() {
    pacer.scheduleAtFixedRate(this::sendOne, 0, PTIME_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Switches the stream to {@code source} from the next packet on; SSRC and numbering go on. */
  void play(AudioSource source) {
    playing = source;
  }

  private void sendOne() {
    short[] pcm = new short[FRAME_SAMPLES];
    playing.read(pcm);
    byte[] payload = new byte[FRAME_SAMPLES];
    encoder.encode(pcm, 0, FRAME_SAMPLES, payload);
    byte[] datagram =
        RtpPacketWriter.write(RtpPacket.of(0, false, sequenceNumber, timestamp, SSRC, payload));
    sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
    timestamp += FRAME_SAMPLES;
    try {
      socket.send(new DatagramPacket(datagram, datagram.length, destination));
    } catch (IOException e) {
      // The socket closed at the end of the test: nothing left to send to.
      pacer.shutdown();
    }
  }

  @Override
  public void close() throws InterruptedException {
    pacer.shutdownNow();
    pacer.awaitTermination(1, TimeUnit.SECONDS);
  }
}
