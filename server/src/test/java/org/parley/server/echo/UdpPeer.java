package org.parley.server.echo;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/** A caller's UDP socket on loopback for the echo tests; receives block with a timeout. */
final class UdpPeer implements AutoCloseable {

  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private final DatagramSocket socket;

  UdpPeer(int receiveTimeoutMillis) throws IOException {
    socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    socket.setSoTimeout(receiveTimeoutMillis);
  }

  void send(byte[] data, int port) throws IOException {
    socket.send(new DatagramPacket(data, data.length, LOOPBACK, port));
  }

  /** The next datagram; fails the test by exception if none comes within the timeout. */
  Datagram receive() throws IOException {
    byte[] buffer = new byte[65536];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    socket.receive(packet);
    return new Datagram(Arrays.copyOf(packet.getData(), packet.getLength()), packet.getPort());
  }

  /** The next datagram, or empty if none comes within the timeout. */
  Optional<Datagram> receiveIfAny() throws IOException {
    try {
      return Optional.of(receive());
    } catch (SocketTimeoutException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    socket.close();
  }

  /** A received datagram and the port it came from. */
  record Datagram(byte[] data, int sourcePort) {}

  /**
   * An RTP packet (RFC 3550): version 2, the payload type, sequence number and SSRC, and a payload.
   */
  static byte[] rtp(int payloadType, int sequenceNumber, int ssrc, int payloadBytes) {
    ByteBuffer packet = ByteBuffer.allocate(12 + payloadBytes);
    packet.put((byte) 0x80).put((byte) payloadType).putShort((short) sequenceNumber);
    packet.putInt(sequenceNumber * 160).putInt(ssrc);
    for (int i = 0; i < payloadBytes; i++) {
      packet.put((byte) (sequenceNumber * 31 + i));
    }
    return packet.array();
  }

  /** An RTCP receiver report with no report blocks (RFC 3550 §6.4.2). */
  static byte[] rtcpReceiverReport(int ssrc) {
    return ByteBuffer.allocate(8)
        .put((byte) 0x80)
        .put((byte) 201)
        .putShort((short) 1)
        .putInt(ssrc)
        .array();
  }
}
