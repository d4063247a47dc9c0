package org.parley.core.call;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.parley.core.call.SdpOfferAnswer.Negotiated;
import org.parley.media.quality.QualitySummary;
import org.parley.media.rtp.RtpSessionConfig;
import org.parley.media.rtp.RtpStreamStatistics;
import org.parley.media.stream.AudioStream;

/**
 * A call's audio: the local port written in our SDP before the stream exists, then one {@link
 * AudioStream} from the first SDP that settles a codec until the call ends. Offer/answer runs on
 * the loop; the stream runs on its own media thread and reports through its listener.
 */
final class CallAudio {

  private final InetAddress address;
  private final int port;
  private final SharedMedia.Lease lease;
  private final CallMedia media;
  private AudioStream stream;
  private boolean holding;
  private boolean peerHolding;

  private CallAudio(InetAddress address, int port, SharedMedia.Lease lease) {
    this.address = address;
    this.port = port;
    this.lease = lease;
    this.media = lease.media();
  }

  /**
   * Picks a free local port for the call's RTP (and RTCP, multiplexed). The port is free when
   * picked and bound when the stream starts; the gap is one offer/answer round trip.
   */
  static CallAudio reserve(InetAddress address, CallMedia media) {
    return reserve(address, new SharedMedia(media));
  }

  /** Like {@link #reserve(InetAddress, CallMedia)}, on a new lease of media another call holds. */
  static CallAudio reserve(InetAddress address, SharedMedia shared) {
    try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(address, 0))) {
      return new CallAudio(address, probe.getLocalPort(), shared.lease());
    } catch (IOException e) {
      throw new UncheckedIOException("No free RTP port on " + address.getHostAddress(), e);
    }
  }

  InetAddress address() {
    return address;
  }

  int port() {
    return port;
  }

  CallMedia media() {
    return media;
  }

  SharedMedia.Lease lease() {
    return lease;
  }

  boolean started() {
    return stream != null;
  }

  /**
   * Starts the stream for what offer/answer settled, or points the running one at the peer's
   * (possibly new) address and direction.
   */
  void apply(Negotiated negotiated, AudioStream.Listener listener) throws IOException {
    RtpSessionConfig.Builder rtp =
        RtpSessionConfig.builder()
            .local(address, port)
            .remoteFromSdp(negotiated.remote(), negotiated.medium())
            .clockRateHz(negotiated.settings().codec().clockRateHz());
    RtpSessionConfig config = rtp.build();
    if (stream == null) {
      stream =
          AudioStream.start(negotiated.settings(), config, media.source(), media.sink(), listener);
    } else {
      stream.session().setRemote(config.remoteRtp(), config.effectiveRemoteRtcp());
    }
    peerHolding = !SdpOfferAnswer.receives(negotiated.peerDirection());
    updateSending();
  }

  void setHolding(boolean value) {
    holding = value;
    updateSending();
  }

  boolean holding() {
    return holding;
  }

  /** Whether the peer's last SDP said it does not want our audio (it holds us). */
  boolean peerHolding() {
    return peerHolding;
  }

  private void updateSending() {
    if (stream != null) {
      stream.setSending(!holding && !peerHolding);
    }
  }

  boolean sendDigit(char digit, int durationMillis) {
    return stream != null && stream.sendDigit(digit, durationMillis);
  }

  Optional<QualitySummary> summary() {
    return stream == null ? Optional.empty() : Optional.of(stream.summary());
  }

  Optional<RtpStreamStatistics> statistics() {
    return stream == null ? Optional.empty() : Optional.of(stream.session().statistics());
  }

  /** Stops the stream (closing source and sink); the quality it measured, if it ran. */
  Optional<QualitySummary> stop() {
    if (stream == null) {
      media.source().close();
      media.sink().close();
      return Optional.empty();
    }
    QualitySummary summary = stream.summary();
    stream.close();
    return Optional.of(summary);
  }
}
