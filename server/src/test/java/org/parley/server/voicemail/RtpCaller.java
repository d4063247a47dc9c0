package org.parley.server.voicemail;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.parley.media.codec.G711;
import org.parley.media.rtp.RtpPacket;
import org.parley.media.rtp.RtpPacketWriter;

/**
 * A caller's RTP side for the voicemail tests: counts the packets the agent sends (the greeting)
 * and sends PCMU tones, one 20 ms packet at a time.
 */
final class RtpCaller implements AutoCloseable {

  static final int RATE_HZ = 8000;
  private static final int FRAME = 160;

  private final DatagramSocket socket;
  private final AtomicInteger received = new AtomicInteger();
  private volatile CountDownLatch greetingHeard = new CountDownLatch(1);
  private volatile int greetingPackets = Integer.MAX_VALUE;
  private final Thread reader;

  RtpCaller() throws IOException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    reader = new Thread(this::read, "test-rtp-caller");
    reader.setDaemon(true);
    reader.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  /** An SDP offer of PCMU and telephone-event on this socket. */
  String offer() {
    return "v=0\r\no=caller 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + "m=audio "
        + port()
        + " RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
  }

  /** Waits until {@code packets} RTP packets have come from the agent. */
  boolean awaitPackets(int packets, long timeoutSeconds) throws InterruptedException {
    greetingPackets = packets;
    if (received.get() >= packets) {
      return true;
    }
    return greetingHeard.await(timeoutSeconds, TimeUnit.SECONDS);
  }

  /**
   * Sends each tone for {@code millisEach}, paced at {@code packetIntervalNanos} per 20 ms packet
   * (faster than real time keeps the tests short; the recorder keeps the packets' order).
   */
  void sendTones(double[] frequenciesHz, int millisEach, int remotePort, long packetIntervalNanos)
      throws IOException {
    InetSocketAddress remote = new InetSocketAddress(InetAddress.getLoopbackAddress(), remotePort);
    int sequence = 1;
    long timestamp = 0;
    long next = System.nanoTime();
    for (double frequency : frequenciesHz) {
      int frames = millisEach / 20;
      for (int f = 0; f < frames; f++) {
        byte[] payload = new byte[FRAME];
        for (int i = 0; i < FRAME; i++) {
          long n = (long) f * FRAME + i;
          double sample = 10000 * Math.sin(2 * Math.PI * frequency * n / RATE_HZ);
          payload[i] = G711.linearToUlaw((short) sample);
        }
        byte[] datagram =
            RtpPacketWriter.write(RtpPacket.of(0, false, sequence++, timestamp, 0x1234, payload));
        timestamp += FRAME;
        socket.send(new DatagramPacket(datagram, datagram.length, remote));
        next += packetIntervalNanos;
        LockSupport.parkNanos(next - System.nanoTime()); // media pacing, not synchronisation
      }
    }
  }

  private void read() {
    byte[] buffer = new byte[2048];
    while (!socket.isClosed()) {
      try {
        socket.receive(new DatagramPacket(buffer, buffer.length));
        if (received.incrementAndGet() >= greetingPackets) {
          greetingHeard.countDown();
        }
      } catch (SocketException e) {
        return; // closed
      } catch (IOException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
