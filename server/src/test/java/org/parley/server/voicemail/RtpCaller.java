package org.parley.server.voicemail;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.parley.media.codec.G711;
import org.parley.media.dtmf.TelephoneEvent;
import org.parley.media.rtp.RtpFormatException;
import org.parley.media.rtp.RtpPacket;
import org.parley.media.rtp.RtpPacketParser;
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
  private final BlockingQueue<RtpPacket> packets = new LinkedBlockingQueue<>();

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

  /**
   * Skips to the next talkspurt (a packet with the marker bit) and returns which of {@code
   * candidatesHz} is strongest in its first 100 ms.
   */
  double nextClip(double[] candidatesHz) throws InterruptedException {
    RtpPacket first;
    do {
      first = packets.poll(5, TimeUnit.SECONDS);
      if (first == null) {
        throw new AssertionError("no talkspurt started within 5 s");
      }
    } while (!first.marker());
    short[] pcm = new short[FRAME * 5];
    decode(first, pcm, 0);
    for (int i = 1; i < 5; i++) {
      RtpPacket next = packets.poll(5, TimeUnit.SECONDS);
      if (next == null) {
        throw new AssertionError("the talkspurt stopped");
      }
      decode(next, pcm, i * FRAME);
    }
    return Goertzel.strongest(pcm, 0, pcm.length, candidatesHz, RATE_HZ);
  }

  private static void decode(RtpPacket packet, short[] pcm, int offset) {
    byte[] payload = packet.payload();
    for (int i = 0; i < Math.min(FRAME, payload.length); i++) {
      pcm[offset + i] = G711.ulawToLinear(payload[i]);
    }
  }

  /** Sends one RFC 4733 digit (payload type 101): two updates, then three end packets. */
  void sendDigit(char digit, int remotePort, int sequence) throws IOException {
    InetSocketAddress remote = new InetSocketAddress(InetAddress.getLoopbackAddress(), remotePort);
    long timestamp = 100_000L * sequence;
    int code = TelephoneEvent.codeOf(digit);
    for (int i = 0; i < 5; i++) {
      boolean end = i >= 2;
      int duration = Math.min(i + 1, 3) * FRAME;
      byte[] payload = new TelephoneEvent(code, end, 10, duration).encode();
      byte[] datagram =
          RtpPacketWriter.write(
              RtpPacket.of(101, i == 0, sequence * 10 + i, timestamp, 0x1234, payload));
      socket.send(new DatagramPacket(datagram, datagram.length, remote));
    }
  }

  private void read() {
    byte[] buffer = new byte[2048];
    while (!socket.isClosed()) {
      try {
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        socket.receive(datagram);
        try {
          packets.add(RtpPacketParser.parse(Arrays.copyOf(buffer, datagram.getLength())));
        } catch (RtpFormatException e) {
          continue;
        }
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
