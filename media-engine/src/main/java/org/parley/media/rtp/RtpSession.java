package org.parley.media.rtp;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.parley.media.rtcp.RtcpFormatException;
import org.parley.media.rtcp.RtcpPacket;
import org.parley.media.rtcp.RtcpParser;
import org.parley.media.rtcp.RtcpWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RTP stream over UDP (RFC 3550) with its RTCP: symmetric (sends from the port it receives on),
 * RTCP multiplexed (RFC 5761) or on the next port, optional latching, periodic SR/RR + SDES and a
 * BYE on close. A daemon thread receives; bad datagrams are counted and dropped.
 */
public final class RtpSession implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RtpSession.class);
  private static final int MAX_DATAGRAM_BYTES = 65_536;
  private static final int PORT_PAIR_ATTEMPTS = 50;

  /** Datagrams read from one socket per wake-up, so a flood on one cannot starve the other. */
  private static final int MAX_DATAGRAMS_PER_WAKEUP = 64;

  private static final long CLOSE_JOIN_MILLIS = 2000;

  private final RtpSessionConfig config;
  private final DatagramChannel rtpChannel;
  private final DatagramChannel rtcpChannel;
  private final InetSocketAddress localRtp;
  private final InetSocketAddress localRtcp;
  private final Selector selector;
  private final RemoteLatch rtpRemote;
  private final RemoteLatch rtcpRemote;
  private final RtcpReporter reporter;
  private final Consumer<ReceivedRtpPacket> rtpListener;
  private final Consumer<List<RtcpPacket>> rtcpListener;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final Thread receiveThread;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile ScheduledFuture<?> reportTimer;

  private RtpSession(
      RtpSessionConfig config,
      DatagramChannel rtpChannel,
      DatagramChannel rtcpChannel,
      Selector selector,
      Consumer<ReceivedRtpPacket> rtpListener,
      Consumer<List<RtcpPacket>> rtcpListener) {
    this.config = config;
    this.rtpChannel = rtpChannel;
    this.rtcpChannel = rtcpChannel;
    this.localRtp = localAddress(rtpChannel);
    this.localRtcp = localAddress(rtcpChannel);
    this.selector = selector;
    this.rtpListener = rtpListener;
    this.rtcpListener = rtcpListener;
    this.rtpRemote = new RemoteLatch(config.remoteRtp(), config.latching());
    // With rtcp-mux one latch serves both, so RTCP follows a latched RTP source.
    this.rtcpRemote =
        config.rtcpMux()
            ? rtpRemote
            : new RemoteLatch(config.effectiveRemoteRtcp(), config.latching());
    this.reporter = new RtcpReporter(config);
    this.ownsScheduler = config.scheduler() == null;
    int port = localRtp.getPort();
    this.scheduler =
        ownsScheduler
            ? Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "rtcp-timer-" + port))
            : config.scheduler();
    this.receiveThread = daemon(this::receiveLoop, "rtp-receive-" + port);
  }

  /** Opens a session that hands received RTP to {@code rtpListener}. */
  public static RtpSession open(RtpSessionConfig config, Consumer<ReceivedRtpPacket> rtpListener)
      throws IOException {
    return open(config, rtpListener, packets -> {});
  }

  /**
   * Opens a session: binds its port(s), starts the receive thread and the RTCP timer.
   *
   * @param rtpListener gets every accepted RTP packet, on the receive thread
   * @param rtcpListener gets every accepted compound RTCP packet, on the receive thread
   * @throws IOException when the port(s) cannot be bound
   */
  public static RtpSession open(
      RtpSessionConfig config,
      Consumer<ReceivedRtpPacket> rtpListener,
      Consumer<List<RtcpPacket>> rtcpListener)
      throws IOException {
    DatagramChannel[] channels = bindPorts(config);
    Selector selector = null;
    try {
      selector = Selector.open();
      channels[0].register(selector, SelectionKey.OP_READ);
      if (channels[1] != channels[0]) {
        channels[1].register(selector, SelectionKey.OP_READ);
      }
    } catch (IOException e) {
      closeQuietly(channels[0]);
      closeQuietly(channels[1]);
      if (selector != null) {
        selector.close();
      }
      throw e;
    }
    RtpSession session =
        new RtpSession(config, channels[0], channels[1], selector, rtpListener, rtcpListener);
    session.receiveThread.start();
    session.scheduleReport();
    return session;
  }

  public InetSocketAddress localRtpAddress() {
    return localRtp;
  }

  public InetSocketAddress localRtcpAddress() {
    return localRtcp;
  }

  /** Where RTP goes now: the latched source, else the negotiated address. */
  public Optional<InetSocketAddress> remoteRtpAddress() {
    return Optional.ofNullable(rtpRemote.destination());
  }

  /**
   * Sets the remote addresses from a (new) SDP answer or offer; a latched source is forgotten and
   * the next valid packet latches again when latching is on.
   *
   * @param rtcp the remote RTCP address, or null for the default (the RTP address with rtcp-mux,
   *     else the RTP port + 1)
   */
  public void setRemote(InetSocketAddress rtp, InetSocketAddress rtcp) {
    rtpRemote.negotiate(rtp);
    if (rtcpRemote != rtpRemote) {
      rtcpRemote.negotiate(
          rtcp != null ? rtcp : new InetSocketAddress(rtp.getAddress(), rtp.getPort() + 1));
    }
  }

  public long ssrc() {
    return config.ssrc();
  }

  /**
   * Sends one RTP packet from the session's RTP port.
   *
   * @return false when there is no remote address yet (latching with nothing received) or the
   *     socket's send buffer is full
   */
  public boolean send(RtpPacket packet) throws IOException {
    InetSocketAddress destination = rtpRemote.destination();
    if (destination == null || closed.get()) {
      return false;
    }
    byte[] datagram = config.transform().protectRtp(RtpPacketWriter.write(packet));
    boolean sent = rtpChannel.send(ByteBuffer.wrap(datagram), destination) > 0;
    if (sent) {
      reporter.onRtpSent(packet, config.clock().monotonicNanos());
    }
    return sent;
  }

  /** Sends an SR (if we sent RTP lately) or RR, with SDES CNAME, now. */
  public void sendReport() throws IOException {
    MediaClock clock = config.clock();
    sendRtcp(reporter.report(clock.monotonicNanos(), clock.ntpTimestamp()));
  }

  /** A snapshot of reception, sending and RTCP statistics. */
  public RtpStreamStatistics statistics() {
    return reporter.snapshot();
  }

  private void sendRtcp(List<RtcpPacket> compound) throws IOException {
    InetSocketAddress destination = rtcpRemote.destination();
    if (destination == null) {
      return;
    }
    byte[] datagram = config.transform().protectRtcp(RtcpWriter.writeCompound(compound));
    if (rtcpChannel.send(ByteBuffer.wrap(datagram), destination) > 0) {
      reporter.onRtcpSent(datagram.length);
    }
  }

  private void scheduleReport() {
    if (closed.get()) {
      return;
    }
    reportTimer =
        scheduler.schedule(this::onReportTimer, reporter.nextIntervalNanos(), TimeUnit.NANOSECONDS);
  }

  private void onReportTimer() {
    try {
      sendReport();
    } catch (IOException | RuntimeException e) {
      LOG.debug("RTCP report not sent from port {}", localRtp.getPort(), e);
    } finally {
      scheduleReport();
    }
  }

  private void receiveLoop() {
    ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM_BYTES);
    while (!closed.get()) {
      try {
        selector.select();
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          drain((DatagramChannel) key.channel(), buffer);
        }
      } catch (ClosedSelectorException e) {
        break;
      } catch (IOException | RuntimeException e) {
        // The loop must outlive anything one datagram or one listener can do.
        if (!closed.get()) {
          LOG.warn("RTP receive on port {} failed; continuing", localRtp.getPort(), e);
        }
      }
    }
  }

  private void drain(DatagramChannel channel, ByteBuffer buffer) throws IOException {
    for (int i = 0; i < MAX_DATAGRAMS_PER_WAKEUP; i++) {
      buffer.clear();
      InetSocketAddress source = (InetSocketAddress) channel.receive(buffer);
      if (source == null) {
        return;
      }
      long arrivalNanos = config.clock().monotonicNanos();
      byte[] data = buffer.array();
      int length = buffer.position();
      boolean rtcp =
          channel == rtcpChannel && (!config.rtcpMux() || RtpDemultiplexer.isRtcp(data, 0, length));
      if (rtcp) {
        onRtcpDatagram(data, length, source, arrivalNanos);
      } else {
        onRtpDatagram(data, length, source, arrivalNanos);
      }
    }
  }

  private void onRtpDatagram(byte[] data, int length, InetSocketAddress source, long arrivalNanos) {
    if (RtpDemultiplexer.isRtcp(data, 0, length)) {
      // RTP may not use payload types 64-95 (RFC 5761 §4): RTCP sent to the RTP port.
      dropMalformed("RTCP-typed datagram on the RTP port", source);
      return;
    }
    byte[] plain = config.transform().unprotectRtp(data, length);
    if (plain == null) {
      dropMalformed("RTP that did not unprotect", source);
      return;
    }
    RtpPacket packet;
    try {
      packet = RtpPacketParser.parse(plain, 0, plain == data ? length : plain.length);
    } catch (RtpFormatException e) {
      dropMalformed("malformed RTP (" + e.getMessage() + ")", source);
      return;
    }
    if (accepted(rtpRemote, source)) {
      reporter.onRtpReceived(packet, arrivalNanos);
      deliver(rtpListener, new ReceivedRtpPacket(packet, arrivalNanos, source));
    }
  }

  private void onRtcpDatagram(
      byte[] data, int length, InetSocketAddress source, long arrivalNanos) {
    byte[] plain = config.transform().unprotectRtcp(data, length);
    if (plain == null) {
      dropMalformed("RTCP that did not unprotect", source);
      return;
    }
    List<RtcpPacket> packets;
    try {
      packets = RtcpParser.parseCompound(plain, 0, plain == data ? length : plain.length);
    } catch (RtcpFormatException e) {
      dropMalformed("malformed RTCP (" + e.getMessage() + ")", source);
      return;
    }
    if (accepted(rtcpRemote, source)) {
      reporter.onRtcpReceived(packets, arrivalNanos, config.clock().ntpTimestamp(), length);
      deliver(rtcpListener, packets);
    }
  }

  private void dropMalformed(String what, InetSocketAddress source) {
    reporter.countMalformed();
    LOG.debug("port {} dropped {} from {}", localRtp.getPort(), what, source);
  }

  /** Whether the negotiated or latched remote is {@code source}; counts it if not. */
  private boolean accepted(RemoteLatch remote, InetSocketAddress source) {
    if (remote.accept(source)) {
      return true;
    }
    reporter.countIgnored();
    LOG.debug("port {} ignored a datagram from unexpected source {}", localRtp.getPort(), source);
    return false;
  }

  private <T> void deliver(Consumer<T> listener, T value) {
    try {
      listener.accept(value);
    } catch (RuntimeException e) {
      LOG.warn("RTP session listener failed on port {}", localRtp.getPort(), e);
    }
  }

  /** Sends a BYE, stops the timer and the receive thread and releases the ports. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    ScheduledFuture<?> timer = reportTimer;
    if (timer != null) {
      timer.cancel(false);
    }
    try {
      MediaClock clock = config.clock();
      sendRtcp(reporter.goodbye(clock.monotonicNanos(), clock.ntpTimestamp()));
    } catch (IOException e) {
      LOG.debug("BYE not sent from port {}", localRtp.getPort(), e);
    }
    try {
      selector.close();
      receiveThread.join(CLOSE_JOIN_MILLIS);
    } catch (IOException e) {
      LOG.debug("closing the selector failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(rtpChannel);
      closeQuietly(rtcpChannel);
      if (ownsScheduler) {
        scheduler.shutdownNow();
      }
    }
  }

  private static DatagramChannel[] bindPorts(RtpSessionConfig config) throws IOException {
    InetAddress address = config.localAddress();
    if (config.rtcpMux()) {
      DatagramChannel channel = bind(address, config.localPort());
      return new DatagramChannel[] {channel, channel};
    }
    if (config.localPort() != 0) {
      DatagramChannel rtp = bind(address, config.localPort());
      try {
        return new DatagramChannel[] {rtp, bind(address, config.localPort() + 1)};
      } catch (IOException e) {
        rtp.close();
        throw e;
      }
    }
    // RTP on an even port, RTCP on the odd one after it (RFC 3550 §11).
    for (int attempt = 0; attempt < PORT_PAIR_ATTEMPTS; attempt++) {
      DatagramChannel rtp = bind(address, 0);
      int port = localAddress(rtp).getPort();
      if (port % 2 == 0 && port < 65535) {
        try {
          return new DatagramChannel[] {rtp, bind(address, port + 1)};
        } catch (BindException e) {
          LOG.debug("RTCP port {} taken, trying another pair", port + 1);
        }
      }
      rtp.close();
    }
    throw new BindException("no free even/odd UDP port pair on " + address);
  }

  private static DatagramChannel bind(InetAddress address, int port) throws IOException {
    DatagramChannel channel =
        DatagramChannel.open(
            address instanceof Inet6Address
                ? StandardProtocolFamily.INET6
                : StandardProtocolFamily.INET);
    try {
      channel.bind(new InetSocketAddress(address, port));
      channel.configureBlocking(false);
      return channel;
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  private static InetSocketAddress localAddress(DatagramChannel channel) {
    try {
      return (InetSocketAddress) channel.getLocalAddress();
    } catch (IOException e) {
      throw new IllegalStateException("channel closed", e);
    }
  }

  private static void closeQuietly(DatagramChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("closing a channel failed", e);
    }
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
