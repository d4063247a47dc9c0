package org.parley.core.call;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import org.parley.core.call.SdpOfferAnswer.Negotiated;
import org.parley.media.audio.AudioSink;
import org.parley.media.audio.AudioSource;
import org.parley.media.quality.QualitySummary;
import org.parley.media.rtp.PacketTransform;
import org.parley.media.rtp.RtpSessionConfig;
import org.parley.media.rtp.RtpStreamStatistics;
import org.parley.media.srtp.SdesAgreement;
import org.parley.media.stream.AudioStream;
import org.parley.media.stream.AudioStreamSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's audio: the local port written in our SDP before the stream exists, then an {@link
 * AudioStream} from the first SDP that settles a codec until the call ends, replaced on the same
 * port when a later offer/answer changes the codec or the SRTP keys. Offer/answer runs on the loop;
 * the stream runs on its own media thread and reports through its listener.
 */
final class CallAudio {

  private static final Logger LOG = LoggerFactory.getLogger(CallAudio.class);

  private final InetAddress address;
  private final int port;
  private final SharedMedia.Lease lease;
  private final CallMedia media;
  private final RecordingTap recordingTap = new RecordingTap();
  private AudioStream stream;
  private AudioStreamSettings running;
  private SdesAgreement runningKeys;
  private SrtpPacketTransform srtp;
  private QualitySummary earlierQuality;
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

  RecordingTap recordingTap() {
    return recordingTap;
  }

  boolean started() {
    return stream != null;
  }

  /**
   * Starts the stream for what offer/answer settled, restarts it when the codec or the SRTP keys
   * changed, or else points the running one at the peer's (possibly new) address and direction.
   *
   * @param keys the SRTP agreement, or empty for plain RTP
   */
  void apply(Negotiated negotiated, Optional<SdesAgreement> keys, AudioStream.Listener listener)
      throws IOException {
    RtpSessionConfig.Builder rtp =
        RtpSessionConfig.builder()
            .local(address, port)
            .remoteFromSdp(negotiated.remote(), negotiated.medium())
            .clockRateHz(negotiated.settings().codec().clockRateHz());
    boolean changed =
        stream != null
            && (!sameStream(running, negotiated.settings())
                || !Objects.equals(runningKeys, keys.orElse(null)));
    if (changed) {
      LOG.info(
          "Audio switches from {} to {}",
          running.codec().encodingName(),
          negotiated.settings().codec().encodingName());
      earlierQuality = stream.summary();
      closeStream();
    }
    if (stream == null) {
      SrtpPacketTransform transform = keys.map(SrtpPacketTransform::new).orElse(null);
      rtp.transform(transform == null ? PacketTransform.NONE : transform);
      try {
        stream =
            AudioStream.start(
                negotiated.settings(),
                rtp.build(),
                new KeptSource(media.source(), recordingTap),
                new KeptSink(media.sink(), recordingTap),
                listener);
      } catch (IOException | RuntimeException e) {
        if (transform != null) {
          transform.close();
        }
        throw e;
      }
      srtp = transform;
      running = negotiated.settings();
      runningKeys = keys.orElse(null);
    } else {
      RtpSessionConfig config = rtp.build();
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
    return stream == null ? Optional.ofNullable(earlierQuality) : Optional.of(stream.summary());
  }

  /** Whether the running stream is SRTP. */
  boolean encrypted() {
    return srtp != null;
  }

  // Same codec, payload types and packet time: the running stream can stay.
  private static boolean sameStream(AudioStreamSettings a, AudioStreamSettings b) {
    return a.codec().encodingName().equalsIgnoreCase(b.codec().encodingName())
        && a.codec().clockRateHz() == b.codec().clockRateHz()
        && a.payloadType() == b.payloadType()
        && a.ptimeMillis() == b.ptimeMillis()
        && a.telephoneEventPayloadType() == b.telephoneEventPayloadType();
  }

  private void closeStream() {
    stream.close();
    stream = null;
    if (srtp != null) {
      srtp.close();
      srtp = null;
    }
  }

  Optional<RtpStreamStatistics> statistics() {
    return stream == null ? Optional.empty() : Optional.of(stream.session().statistics());
  }

  /** Stops the stream (closing source and sink); the quality it measured, if it ran. */
  Optional<QualitySummary> stop() {
    Optional<QualitySummary> summary = summary();
    if (stream != null) {
      closeStream();
    }
    media.source().close();
    media.sink().close();
    return summary;
  }

  /**
   * The call's source, left open when a stream is replaced; the call closes it at the end. What it
   * delivers is also copied to a recording, if one runs.
   */
  private record KeptSource(AudioSource source, RecordingTap tap) implements AudioSource {
    @Override
    public int sampleRateHz() {
      return source.sampleRateHz();
    }

    @Override
    public int channels() {
      return source.channels();
    }

    @Override
    public int read(short[] frame) {
      int count = source.read(frame);
      tap.local(frame, count, source.sampleRateHz(), source.channels());
      return count;
    }

    @Override
    public long droppedSamples() {
      return source.droppedSamples();
    }
  }

  /** The call's sink, left open when a stream is replaced. */
  private record KeptSink(AudioSink sink, RecordingTap tap) implements AudioSink {
    @Override
    public int sampleRateHz() {
      return sink.sampleRateHz();
    }

    @Override
    public int channels() {
      return sink.channels();
    }

    @Override
    public void write(short[] frame, int sampleCount) {
      sink.write(frame, sampleCount);
      tap.remote(frame, sampleCount, sink.sampleRateHz(), sink.channels());
    }
  }
}
