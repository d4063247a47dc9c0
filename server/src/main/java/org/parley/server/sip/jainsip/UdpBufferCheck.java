package org.parley.server.sip.jainsip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out whether the kernel granted the SIP UDP socket the buffers asked for, so that a cap
 * (Linux: {@code net.core.rmem_max}) is reported at start instead of showing up as drops under
 * load.
 */
final class UdpBufferCheck {

  private static final Logger LOG = LoggerFactory.getLogger(UdpBufferCheck.class);
  private static final Path RMEM_MAX = Path.of("/proc/sys/net/core/rmem_max");
  private static final Path WMEM_MAX = Path.of("/proc/sys/net/core/wmem_max");

  /**
   * Socket buffer sizes in bytes, as the kernel reports or limits them.
   *
   * @param receiveBytes SO_RCVBUF (or its limit)
   * @param sendBytes SO_SNDBUF (or its limit)
   */
  record Sizes(long receiveBytes, long sendBytes) {}

  private UdpBufferCheck() {}

  /**
   * Asks for the buffers on a throwaway unbound socket: jain-sip's own socket is out of reach, and
   * the kernel applies the same limits to the same request.
   */
  static Sizes probe(int requestedBytes) throws SocketException {
    try (DatagramSocket probe = new DatagramSocket((SocketAddress) null)) {
      probe.setReceiveBufferSize(requestedBytes);
      probe.setSendBufferSize(requestedBytes);
      return new Sizes(probe.getReceiveBufferSize(), probe.getSendBufferSize());
    }
  }

  /** Linux's limits on what a socket may ask for; empty where there are no such files. */
  static Optional<Sizes> kernelLimits() {
    OptionalLong receive = readLong(RMEM_MAX);
    OptionalLong send = readLong(WMEM_MAX);
    if (receive.isEmpty() || send.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Sizes(receive.getAsLong(), send.getAsLong()));
  }

  /**
   * The warning to log when the socket got less than asked for, else empty. The JDK reports the
   * granted size (on Linux it halves the kernel's figure, which counts bookkeeping twice); Linux's
   * limits are checked as well, for a JDK or kernel that reports otherwise.
   */
  static Optional<String> shortfall(int requestedBytes, Sizes granted, Optional<Sizes> limits) {
    boolean receiveShort =
        granted.receiveBytes() < requestedBytes
            || limits.map(l -> l.receiveBytes() < requestedBytes).orElse(false);
    boolean sendShort =
        granted.sendBytes() < requestedBytes
            || limits.map(l -> l.sendBytes() < requestedBytes).orElse(false);
    if (!receiveShort && !sendShort) {
      return Optional.empty();
    }
    String which =
        receiveShort && sendShort
            ? "receive and send buffers are"
            : receiveShort ? "receive buffer is" : "send buffer is";
    return Optional.of(
        "The SIP UDP socket's "
            + which
            + " smaller than the "
            + requestedBytes
            + " bytes asked for (sip.udp-buffer-bytes): the kernel reports "
            + granted.receiveBytes()
            + " bytes receive, "
            + granted.sendBytes()
            + " send"
            + limits
                .map(
                    l ->
                        ", and allows at most "
                            + l.receiveBytes()
                            + " (net.core.rmem_max) and "
                            + l.sendBytes()
                            + " (net.core.wmem_max)")
                .orElse("")
            + ". Bursts beyond it are dropped and retransmitted. Raise the limit, e.g. sysctl -w"
            + " net.core.rmem_max="
            + requestedBytes
            + " net.core.wmem_max="
            + requestedBytes
            + ", or lower sip.udp-buffer-bytes.");
  }

  /** Logs what the SIP UDP socket got: a warning when it is less than asked for. */
  static void logAtStart(int requestedBytes) {
    try {
      Sizes granted = probe(requestedBytes);
      Optional<String> warning = shortfall(requestedBytes, granted, kernelLimits());
      if (warning.isPresent()) {
        LOG.warn("{}", warning.get());
      } else {
        LOG.info(
            "SIP UDP socket buffers: {} bytes asked for, kernel reports {} receive, {} send",
            requestedBytes,
            granted.receiveBytes(),
            granted.sendBytes());
      }
    } catch (SocketException e) {
      LOG.warn("Cannot check the SIP UDP socket buffers: {}", e.getMessage());
    }
  }

  private static OptionalLong readLong(Path file) {
    try {
      // Not Files.readString: procfs reports a size of 0 and readString then returns one byte.
      return OptionalLong.of(Long.parseLong(Files.readAllLines(file).get(0).trim()));
    } catch (IOException | RuntimeException e) {
      // Not Linux, or not readable: the socket's own answer is all there is.
      return OptionalLong.empty();
    }
  }
}
