package org.parley.media.rtp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;
import org.parley.media.rtcp.RtcpInterval;
import org.parley.media.sdp.Connection;
import org.parley.media.sdp.MediaDescription;
import org.parley.media.sdp.SessionDescription;

/**
 * How to open an {@link RtpSession}: local and remote addresses, RTCP multiplexing, latching,
 * identity and timing.
 *
 * @param localAddress the address to bind
 * @param localPort the RTP port to bind, or 0 for any free even port (with the next one free too
 *     when RTCP is not multiplexed)
 * @param remoteRtp the negotiated remote RTP address, or null to learn it by latching
 * @param remoteRtcp the remote RTCP address; null means the RTP address with rtcp-mux, else the RTP
 *     port + 1
 * @param rtcpMux RTP and RTCP share one port (RFC 5761)
 * @param latching send to and accept only the source of the first valid packet
 * @param ssrc this session's synchronisation source
 * @param cname the SDES CNAME sent in every report
 * @param clockRateHz the RTP clock rate of the stream's payload
 * @param sessionBandwidthBitsPerSecond the session bandwidth; RTCP gets 5 % of it
 * @param rtcpMinimumIntervalMillis 5000 by default; less for the reduced minimum (§6.2, RFC 4585)
 * @param clock the time source
 * @param random randomises the RTCP interval
 * @param scheduler runs the RTCP timer; null for a private one closed with the session
 * @param transform protects outgoing and unprotects incoming datagrams (SRTP), or {@link
 *     PacketTransform#NONE}
 */
public record RtpSessionConfig(
    InetAddress localAddress,
    int localPort,
    InetSocketAddress remoteRtp,
    InetSocketAddress remoteRtcp,
    boolean rtcpMux,
    boolean latching,
    long ssrc,
    String cname,
    int clockRateHz,
    int sessionBandwidthBitsPerSecond,
    long rtcpMinimumIntervalMillis,
    MediaClock clock,
    RandomGenerator random,
    ScheduledExecutorService scheduler,
    PacketTransform transform) {

  public RtpSessionConfig {
    Objects.requireNonNull(transform, "transform");
    Objects.requireNonNull(localAddress, "localAddress");
    Objects.requireNonNull(cname, "cname");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(random, "random");
    if (localPort < 0 || localPort > 65534) {
      throw new IllegalArgumentException("local port out of range: " + localPort);
    }
    if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("SSRC out of range: " + ssrc);
    }
    if (clockRateHz <= 0 || sessionBandwidthBitsPerSecond <= 0 || rtcpMinimumIntervalMillis <= 0) {
      throw new IllegalArgumentException(
          "clock rate, bandwidth and RTCP interval must be positive");
    }
  }

  /** The address RTCP goes to, following {@link #remoteRtcp()}'s defaults; null if unknown. */
  public InetSocketAddress effectiveRemoteRtcp() {
    if (remoteRtcp != null || remoteRtp == null) {
      return remoteRtcp;
    }
    return rtcpMux
        ? remoteRtp
        : new InetSocketAddress(remoteRtp.getAddress(), remoteRtp.getPort() + 1);
  }

  /** A builder with the defaults: loopback, any port, rtcp-mux off, latching off, 8 kHz. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects a session's settings. */
  public static final class Builder {
    private InetAddress localAddress = InetAddress.getLoopbackAddress();
    private int localPort;
    private InetSocketAddress remoteRtp;
    private InetSocketAddress remoteRtcp;
    private boolean rtcpMux;
    private boolean latching;
    private long ssrc = new SecureRandom().nextInt() & 0xFFFF_FFFFL;
    private String cname = "parley@localhost";
    private int clockRateHz = 8000;
    private int sessionBandwidthBitsPerSecond = 80_000;
    private long rtcpMinimumIntervalMillis = RtcpInterval.DEFAULT_MINIMUM_MILLIS;
    private MediaClock clock = MediaClock.system();
    private RandomGenerator random = new Random();
    private ScheduledExecutorService scheduler;
    private PacketTransform transform = PacketTransform.NONE;

    private Builder() {}

    public Builder local(InetAddress address, int port) {
      this.localAddress = address;
      this.localPort = port;
      return this;
    }

    public Builder remoteRtp(InetSocketAddress address) {
      this.remoteRtp = address;
      return this;
    }

    public Builder remoteRtcp(InetSocketAddress address) {
      this.remoteRtcp = address;
      return this;
    }

    /**
     * Takes the remote RTP and RTCP addresses and rtcp-mux from the peer's SDP: the medium's port,
     * its effective {@code c=} address and {@code a=rtcp} / {@code a=rtcp-mux}.
     *
     * @throws IllegalArgumentException when the description has no usable connection address
     */
    public Builder remoteFromSdp(SessionDescription description, MediaDescription medium) {
      Connection connection =
          description
              .effectiveConnection(medium)
              .orElseThrow(() -> new IllegalArgumentException("no c= line for " + medium));
      InetAddress host;
      try {
        host = InetAddress.getByName(connection.host());
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("unresolvable c= address " + connection.host(), e);
      }
      remoteRtp = new InetSocketAddress(host, medium.port());
      rtcpMux = medium.rtcpMux();
      remoteRtcp =
          medium.rtcpPort().isPresent() && !rtcpMux
              ? new InetSocketAddress(host, medium.rtcpPort().getAsInt())
              : null;
      return this;
    }

    public Builder rtcpMux(boolean value) {
      this.rtcpMux = value;
      return this;
    }

    public Builder latching(boolean value) {
      this.latching = value;
      return this;
    }

    public Builder ssrc(long value) {
      this.ssrc = value;
      return this;
    }

    public Builder cname(String value) {
      this.cname = value;
      return this;
    }

    public Builder clockRateHz(int value) {
      this.clockRateHz = value;
      return this;
    }

    public Builder sessionBandwidthBitsPerSecond(int value) {
      this.sessionBandwidthBitsPerSecond = value;
      return this;
    }

    public Builder rtcpMinimumIntervalMillis(long value) {
      this.rtcpMinimumIntervalMillis = value;
      return this;
    }

    public Builder clock(MediaClock value) {
      this.clock = value;
      return this;
    }

    public Builder random(RandomGenerator value) {
      this.random = value;
      return this;
    }

    public Builder scheduler(ScheduledExecutorService value) {
      this.scheduler = value;
      return this;
    }

    public Builder transform(PacketTransform value) {
      this.transform = value;
      return this;
    }

    public RtpSessionConfig build() {
      return new RtpSessionConfig(
          localAddress,
          localPort,
          remoteRtp,
          remoteRtcp,
          rtcpMux,
          latching,
          ssrc,
          cname,
          clockRateHz,
          sessionBandwidthBitsPerSecond,
          rtcpMinimumIntervalMillis,
          clock,
          random,
          scheduler,
          transform);
    }
  }
}
