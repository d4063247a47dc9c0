package org.parley.server.echo;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.parley.media.sdp.Attribute;
import org.parley.media.sdp.Connection;
import org.parley.media.sdp.MediaDescription;
import org.parley.media.sdp.Origin;
import org.parley.media.sdp.SessionDescription;

/**
 * The echo service's SDP answer to a caller's offer (RFC 3264).
 *
 * <p>The echo never decodes, so it accepts any codec: an accepted stream answers with the offered
 * formats in the offered order, with their {@code rtpmap}, {@code fmtp} and {@code rtcp-fb} lines.
 * It accepts the first audio and the first video stream whose transport is {@code RTP/AVP} or
 * {@code RTP/AVPF}. Every other stream is rejected with port 0, keeping its formats. That includes
 * {@code RTP/SAVP}: SRTP keys differ per direction, so reflected packets would not decrypt.
 *
 * <p>The answer does not bind sockets itself. It asks a {@link StreamBinder} for the ports of each
 * accepted stream, in offer order, and the binder is called only for those. {@link EchoCall} binds
 * one {@link EchoMediaSession} per accepted stream this way; tests can use fixed ports instead.
 */
public final class EchoAnswer {

  /** The {@code o=} username of the echo service's descriptions. */
  public static final String ORIGIN_USERNAME = "parley";

  private static final Set<String> ECHOABLE_PROTOS = Set.of("RTP/AVP", "RTP/AVPF");
  private static final Set<String> ECHOABLE_MEDIA = Set.of("audio", "video");
  private static final Set<String> COPIED_ATTRIBUTES =
      Set.of("rtpmap", "fmtp", "rtcp-fb", "ptime", "maxptime");

  private EchoAnswer() {}

  /** Binds the local transport of one accepted stream. */
  @FunctionalInterface
  public interface StreamBinder {

    /**
     * Binds ports for a stream.
     *
     * @param offered the caller's media description
     * @param rtcpMux whether the caller offered {@code a=rtcp-mux}: bind one port for both
     * @return the ports bound
     * @throws IOException if the ports cannot be bound
     */
    StreamPorts bind(MediaDescription offered, boolean rtcpMux) throws IOException;
  }

  /**
   * The local ports of one accepted stream.
   *
   * @param rtpPort the RTP port
   * @param rtcpPort the RTCP port, the RTP port itself when RTCP is multiplexed
   */
  public record StreamPorts(int rtpPort, int rtcpPort) {}

  /**
   * Builds the answer.
   *
   * @param offer the caller's offer
   * @param localAddress the address the streams are bound to, written in {@code o=} and {@code c=};
   *     not a wildcard
   * @param binder called once for each accepted stream, in offer order
   * @return the answer, or empty when no stream can be accepted: answer 488 Not Acceptable Here
   * @throws IOException if the binder fails; the caller owns anything it bound before that
   */
  public static Optional<SessionDescription> answer(
      SessionDescription offer, InetAddress localAddress, StreamBinder binder) throws IOException {
    if (localAddress.isAnyLocalAddress()) {
      throw new IllegalArgumentException("the answer must name a concrete address");
    }
    List<MediaDescription> answered = new ArrayList<>();
    boolean audioTaken = false;
    boolean videoTaken = false;
    for (MediaDescription offered : offer.media()) {
      String media = offered.media().toLowerCase(Locale.ROOT);
      boolean taken = media.equals("audio") ? audioTaken : videoTaken;
      if (!isEchoable(offered) || taken) {
        answered.add(rejected(offered));
        continue;
      }
      audioTaken |= media.equals("audio");
      videoTaken |= media.equals("video");
      StreamPorts ports = binder.bind(offered, offered.rtcpMux());
      answered.add(accepted(offer, offered, ports));
    }
    if (!audioTaken && !videoTaken) {
      return Optional.empty();
    }
    long sessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    return Optional.of(
        SessionDescription.builder()
            .origin(Origin.of(ORIGIN_USERNAME, sessionId, sessionId, localAddress))
            .sessionName("-")
            .connection(Connection.of(localAddress))
            .media(answered)
            .build());
  }

  /** Whether the echo can reflect this stream: RTP audio or video, enabled, with a format. */
  static boolean isEchoable(MediaDescription offered) {
    return ECHOABLE_MEDIA.contains(offered.media().toLowerCase(Locale.ROOT))
        && ECHOABLE_PROTOS.stream().anyMatch(p -> p.equalsIgnoreCase(offered.proto()))
        && !offered.isRejected()
        && !offered.formats().isEmpty();
  }

  private static MediaDescription accepted(
      SessionDescription offer, MediaDescription offered, StreamPorts ports) {
    MediaDescription.Builder answer =
        MediaDescription.builder(offered.media(), ports.rtpPort(), offered.proto())
            .formats(offered.formats());
    for (Attribute attribute : offered.attributes()) {
      if (COPIED_ATTRIBUTES.contains(attribute.name())) {
        answer.addAttribute(attribute);
      }
    }
    answer.addAttribute(offer.effectiveDirection(offered).reversed().toAttribute());
    if (offered.rtcpMux()) {
      answer.addAttribute(Attribute.of("rtcp-mux"));
    } else {
      answer.addAttribute(Attribute.of("rtcp", Integer.toString(ports.rtcpPort())));
    }
    return answer.build();
  }

  /** Port 0 and the offered formats, as RFC 3264 §6 asks of a rejected stream. */
  private static MediaDescription rejected(MediaDescription offered) {
    return MediaDescription.builder(offered.media(), 0, offered.proto())
        .formats(offered.formats())
        .build();
  }
}
