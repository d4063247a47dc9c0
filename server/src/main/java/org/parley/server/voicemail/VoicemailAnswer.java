package org.parley.server.voicemail;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.parley.media.codec.G711Codec;
import org.parley.media.sdp.Attribute;
import org.parley.media.sdp.Connection;
import org.parley.media.sdp.MediaDescription;
import org.parley.media.sdp.Origin;
import org.parley.media.sdp.RtpMap;
import org.parley.media.sdp.SessionDescription;

/**
 * The voicemail agent's SDP answer (RFC 3264): the first RTP/AVP audio stream that offers PCMU or
 * PCMA (in the offer's order of preference), plus telephone-event (RFC 4733) when offered.
 */
public final class VoicemailAnswer {

  private VoicemailAnswer() {}

  /**
   * What was chosen from the offer.
   *
   * @param codec PCMU or PCMA
   * @param payloadType its payload type in the offer
   * @param telephoneEventType the offered telephone-event/8000 payload type, or -1
   * @param remoteRtp where the caller receives RTP
   * @param rtcpMux whether the caller offered rtcp-mux
   * @param offeredIndex the stream's index in the offer
   * @param offer the offer
   */
  public record Choice(
      G711Codec codec,
      int payloadType,
      int telephoneEventType,
      InetSocketAddress remoteRtp,
      boolean rtcpMux,
      int offeredIndex,
      SessionDescription offer) {}

  /** The stream and codec the agent takes, or empty: answer 488. */
  public static Optional<Choice> choose(SessionDescription offer) {
    for (int index = 0; index < offer.media().size(); index++) {
      MediaDescription medium = offer.media().get(index);
      if (!"audio".equalsIgnoreCase(medium.media())
          || !"RTP/AVP".equalsIgnoreCase(medium.proto())
          || medium.isRejected()) {
        continue;
      }
      int telephoneEvent = -1;
      for (String format : medium.formats()) {
        Optional<RtpMap> map = rtpMap(medium, format);
        if (map.isPresent()
            && "telephone-event".equalsIgnoreCase(map.get().encodingName())
            && map.get().clockRateHz() == 8000) {
          telephoneEvent = map.get().payloadType();
        }
      }
      for (String format : medium.formats()) {
        Optional<RtpMap> map = rtpMap(medium, format);
        Optional<G711Codec> codec = map.flatMap(VoicemailAnswer::g711);
        Optional<InetSocketAddress> remote = remote(offer, medium);
        if (codec.isPresent() && remote.isPresent()) {
          return Optional.of(
              new Choice(
                  codec.get(),
                  map.get().payloadType(),
                  telephoneEvent,
                  remote.get(),
                  medium.rtcpMux(),
                  index,
                  offer));
        }
      }
    }
    return Optional.empty();
  }

  /** The answer: the chosen stream on {@code rtpPort}, every other stream rejected. */
  public static SessionDescription answer(InetAddress local, int rtpPort, Choice choice) {
    long sessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    SessionDescription.Builder answer =
        SessionDescription.builder()
            .origin(Origin.of("parley", sessionId, sessionId, local))
            .sessionName("-")
            .connection(Connection.of(local));
    for (int index = 0; index < choice.offer().media().size(); index++) {
      MediaDescription offered = choice.offer().media().get(index);
      if (index != choice.offeredIndex()) {
        answer.addMedia(offered.toBuilder().port(0).build());
        continue;
      }
      MediaDescription.Builder accepted =
          MediaDescription.builder("audio", rtpPort, offered.proto())
              .addFormat(Integer.toString(choice.payloadType()))
              .addAttribute(
                  new RtpMap(choice.payloadType(), choice.codec().name(), 8000, 1).toAttribute());
      if (choice.telephoneEventType() >= 0) {
        accepted
            .addFormat(Integer.toString(choice.telephoneEventType()))
            .addAttribute(
                new RtpMap(choice.telephoneEventType(), "telephone-event", 8000, 1).toAttribute())
            .addAttribute(Attribute.of("fmtp", choice.telephoneEventType() + " 0-16"));
      }
      accepted.addAttribute(Attribute.of("ptime", "20")).addAttribute(Attribute.of("sendrecv"));
      if (choice.rtcpMux()) {
        accepted.addAttribute(Attribute.of("rtcp-mux"));
      }
      answer.addMedia(accepted.build());
    }
    return answer.build();
  }

  private static Optional<RtpMap> rtpMap(MediaDescription medium, String format) {
    try {
      int payloadType = Integer.parseInt(format);
      return medium.rtpMap(payloadType).or(() -> RtpMap.forStaticPayloadType(payloadType));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<G711Codec> g711(RtpMap map) {
    if (map.clockRateHz() != 8000) {
      return Optional.empty();
    }
    return switch (map.encodingName().toUpperCase(Locale.ROOT)) {
      case "PCMU" -> Optional.of(G711Codec.PCMU);
      case "PCMA" -> Optional.of(G711Codec.PCMA);
      default -> Optional.empty();
    };
  }

  private static Optional<InetSocketAddress> remote(
      SessionDescription offer, MediaDescription medium) {
    Optional<Connection> connection = offer.effectiveConnection(medium);
    if (connection.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new InetSocketAddress(InetAddress.getByName(connection.get().host()), medium.port()));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
