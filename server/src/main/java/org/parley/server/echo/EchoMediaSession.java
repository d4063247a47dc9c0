package org.parley.server.echo;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The media side of one echo stream: sends every RTP and RTCP packet the caller sends straight
 * back, unchanged, to the address it came from.
 *
 * <p>It binds an even UDP port for RTP and the next port for RTCP, or only the even port when RTCP
 * is multiplexed (RFC 5761). One daemon thread waits on both sockets with a selector and also keeps
 * the timers. Each socket latches to the first source that sends; packets from other sources are
 * counted and dropped, unless the latched source has been silent for {@link
 * EchoLimits#relatchAfterSilence()}, when the new source takes over (a NAT rebinding).
 *
 * <p>When no packet has come from the peer for {@link EchoLimits#idleTimeout()}, or when {@link
 * EchoLimits#maxDuration()} has passed, the session calls its end callback so that the SIP side can
 * send BYE; it goes on reflecting until {@link #close()}. The callback is called at most once, on
 * the session's thread; it must not block, and may call {@code close()}.
 */
public final class EchoMediaSession implements AutoCloseable {

  /** Why a session asks to be ended. */
  public enum EndReason {
    /** No packet from the peer for the idle timeout. */
    IDLE,
    /** The maximum duration has passed. */
    MAX_DURATION,
    /** The session's thread failed and no longer reflects; the cause is logged. */
    FAILED
  }

  private static final Logger LOG = LoggerFactory.getLogger(EchoMediaSession.class);

  /** Larger than any UDP payload (65,507 bytes over IPv4, 65,527 over IPv6). */
  private static final int BUFFER_BYTES = 65536;

  private static final int MAX_BIND_ATTEMPTS = 64;
  private static final int MAX_PACKETS_PER_WAKEUP = 64;

  private final InetAddress localAddress;
  private final DatagramChannel rtpChannel;
  private final DatagramChannel rtcpChannel;
  private final int rtpPort;
  private final int rtcpPort;
  private final EchoLimits limits;
  private final Consumer<EndReason> onEnded;
  private final Selector selector;
  private final Thread thread;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);

  private final AtomicLong packetsReceived = new AtomicLong();
  private final AtomicLong bytesReceived = new AtomicLong();
  private final AtomicLong packetsReflected = new AtomicLong();
  private final AtomicLong bytesReflected = new AtomicLong();
  private final AtomicLong packetsIgnored = new AtomicLong();

  // Owned by the session thread.
  private final long startNanos;
  private long lastActivityNanos;
  private boolean ended;

  private EchoMediaSession(
      InetAddress localAddress,
      List<DatagramChannel> channels,
      EchoLimits limits,
      Consumer<EndReason> onEnded,
      Selector selector)
      throws IOException {
    this.localAddress = localAddress;
    this.rtpChannel = channels.get(0);
    this.rtcpChannel = channels.size() > 1 ? channels.get(1) : null;
    this.rtpPort = rtpChannel.socket().getLocalPort();
    this.rtcpPort = rtcpChannel != null ? rtcpChannel.socket().getLocalPort() : rtpPort;
    this.limits = limits;
    this.onEnded = onEnded;
    this.selector = selector;
    long relatchNanos = limits.relatchAfterSilence().toNanos();
    rtpChannel.register(selector, SelectionKey.OP_READ, new SourceLatch(name("RTP"), relatchNanos));
    if (rtcpChannel != null) {
      rtcpChannel.register(
          selector, SelectionKey.OP_READ, new SourceLatch(name("RTCP"), relatchNanos));
    }
    this.startNanos = System.nanoTime();
    this.lastActivityNanos = startNanos;
    Map<String, String> logContext = MDC.getCopyOfContextMap();
    this.thread = new Thread(() -> run(logContext), "echo-media-" + rtpPort);
    thread.setDaemon(true);
  }

  /**
   * Binds the ports and starts reflecting.
   *
   * @param localAddress a local unicast address to bind to, the one the SDP answer names
   * @param rtcpMux true when the offer has {@code a=rtcp-mux}: RTCP then shares the RTP port
   * @param limits idle timeout, maximum duration and re-latch silence
   * @param onEnded called at most once, on the session's thread, when the session should end
   * @throws IOException if no port (or port pair) could be bound
   * @throws IllegalArgumentException if {@code localAddress} is a wildcard address
   */
  public static EchoMediaSession open(
      InetAddress localAddress, boolean rtcpMux, EchoLimits limits, Consumer<EndReason> onEnded)
      throws IOException {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(onEnded, "onEnded");
    List<DatagramChannel> channels = bindPorts(localAddress, rtcpMux);
    Selector selector = null;
    boolean started = false;
    try {
      selector = Selector.open();
      EchoMediaSession session =
          new EchoMediaSession(localAddress, channels, limits, onEnded, selector);
      session.thread.start();
      started = true;
      LOG.info(
          "Echo session on {} RTP port {}, RTCP port {}",
          localAddress.getHostAddress(),
          session.rtpPort(),
          session.rtcpPort());
      return session;
    } finally {
      if (!started) {
        closeQuietly(selector);
        channels.forEach(EchoMediaSession::closeQuietly);
      }
    }
  }

  /** The address the ports are bound to. */
  public InetAddress localAddress() {
    return localAddress;
  }

  /** The RTP port, always even. */
  public int rtpPort() {
    return rtpPort;
  }

  /** The RTCP port: the RTP port + 1, or the RTP port itself when RTCP is multiplexed. */
  public int rtcpPort() {
    return rtcpPort;
  }

  /** Whether RTCP shares the RTP port. */
  public boolean rtcpMux() {
    return rtcpChannel == null;
  }

  /** The counters so far; after {@link #close()} they are final. */
  public EchoStatistics statistics() {
    return new EchoStatistics(
        packetsReceived.get(),
        bytesReceived.get(),
        packetsReflected.get(),
        bytesReflected.get(),
        packetsIgnored.get());
  }

  /**
   * Stops the thread and frees the ports; calling it again does nothing. Called from another
   * thread, it returns once the ports are free; called from the end callback, they are freed as
   * soon as the callback returns.
   */
  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    selector.wakeup();
    if (Thread.currentThread() != thread) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run(Map<String, String> logContext) {
    if (logContext != null) {
      MDC.setContextMap(logContext);
    }
    try {
      while (!closed.get()) {
        long waitMillis = checkTimers(System.nanoTime());
        if (closed.get()) {
          break;
        }
        selector.select(waitMillis);
        for (SelectionKey key : selector.selectedKeys()) {
          receive((DatagramChannel) key.channel(), (SourceLatch) key.attachment());
        }
        selector.selectedKeys().clear();
      }
    } catch (Exception e) {
      // Thread root: a failed socket or selector ends this stream, not the server.
      if (!closed.get()) {
        LOG.error("Echo session on RTP port {} failed", rtpPort(), e);
        end(EndReason.FAILED);
      }
    } finally {
      closeQuietly(selector);
      closeQuietly(rtpChannel);
      closeQuietly(rtcpChannel);
      EchoStatistics statistics = statistics();
      LOG.info(
          "Echo session on RTP port {} closed: {} packets reflected, {} ignored",
          rtpPort(),
          statistics.packetsReflected(),
          statistics.packetsIgnored());
    }
  }

  /** Fires a due timer, if any; returns how long to wait for packets (0: no limit). */
  private long checkTimers(long nowNanos) {
    if (ended) {
      return 0;
    }
    long idleDeadline = lastActivityNanos + limits.idleTimeout().toNanos();
    long maxDeadline = startNanos + limits.maxDuration().toNanos();
    if (nowNanos - maxDeadline >= 0) {
      end(EndReason.MAX_DURATION);
      return 0;
    }
    if (nowNanos - idleDeadline >= 0) {
      end(EndReason.IDLE);
      return 0;
    }
    long waitNanos = Math.min(idleDeadline, maxDeadline) - nowNanos;
    // Round up, so the wake-up is never early; select(0) would mean "forever".
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999));
  }

  private void end(EndReason reason) {
    if (ended) {
      return;
    }
    ended = true;
    LOG.info("Echo session on RTP port {} ends: {}", rtpPort(), reason);
    try {
      onEnded.accept(reason);
    } catch (RuntimeException e) {
      // The callback is foreign code; its failure must not stop the echo.
      LOG.warn("Echo session end callback failed", e);
    }
  }

  private void receive(DatagramChannel channel, SourceLatch latch) throws IOException {
    for (int i = 0; i < MAX_PACKETS_PER_WAKEUP; i++) {
      buffer.clear();
      InetSocketAddress source = (InetSocketAddress) channel.receive(buffer);
      if (source == null) {
        return;
      }
      buffer.flip();
      reflect(channel, latch, source);
    }
  }

  private void reflect(DatagramChannel channel, SourceLatch latch, InetSocketAddress source) {
    int length = buffer.remaining();
    packetsReceived.incrementAndGet();
    bytesReceived.addAndGet(length);
    long nowNanos = System.nanoTime();
    if (length == 0 || !latch.accept(source, nowNanos)) {
      packetsIgnored.incrementAndGet();
      return;
    }
    lastActivityNanos = nowNanos;
    try {
      if (channel.send(buffer, source) == length) {
        packetsReflected.incrementAndGet();
        bytesReflected.addAndGet(length);
      } else {
        LOG.debug("Send buffer full; dropped a {}-byte packet to {}", length, source);
      }
    } catch (IOException e) {
      // One unreachable peer address is no reason to stop; the idle timer ends the session.
      LOG.debug("Could not reflect a packet to {}", source, e);
    }
  }

  /** Binds an even port, and the next one for RTCP unless muxed, retrying until a pair is free. */
  private static List<DatagramChannel> bindPorts(InetAddress address, boolean rtcpMux)
      throws IOException {
    if (address.isAnyLocalAddress()) {
      throw new IllegalArgumentException(
          "bind to the address the SDP answer names, not a wildcard");
    }
    ProtocolFamily family =
        address instanceof Inet6Address
            ? StandardProtocolFamily.INET6
            : StandardProtocolFamily.INET;
    for (int attempt = 0; attempt < MAX_BIND_ATTEMPTS; attempt++) {
      DatagramChannel rtp = bind(family, new InetSocketAddress(address, 0));
      int port = rtp.socket().getLocalPort();
      if (port % 2 != 0) {
        closeQuietly(rtp);
        continue;
      }
      if (rtcpMux) {
        return List.of(rtp);
      }
      try {
        DatagramChannel rtcp = bind(family, new InetSocketAddress(address, port + 1));
        return List.of(rtp, rtcp);
      } catch (BindException e) {
        LOG.debug("RTCP port {} is taken; trying another pair", port + 1);
        closeQuietly(rtp);
      }
    }
    throw new BindException(
        "No free even RTP port"
            + (rtcpMux ? "" : " with a free RTCP port after it")
            + " on "
            + address.getHostAddress()
            + " after "
            + MAX_BIND_ATTEMPTS
            + " attempts");
  }

  private static DatagramChannel bind(ProtocolFamily family, InetSocketAddress local)
      throws IOException {
    DatagramChannel channel = DatagramChannel.open(family);
    boolean bound = false;
    try {
      channel.configureBlocking(false);
      channel.bind(local);
      bound = true;
      return channel;
    } finally {
      if (!bound) {
        closeQuietly(channel);
      }
    }
  }

  private String name(String component) {
    return "Echo " + component + " port " + (component.equals("RTP") ? rtpPort : rtcpPort);
  }

  private static void closeQuietly(Closeable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (IOException e) {
      LOG.debug("Ignoring a failure to close {}", closeable, e);
    }
  }
}
