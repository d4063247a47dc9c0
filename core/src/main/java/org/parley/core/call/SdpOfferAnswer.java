package org.parley.core.call;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parley.media.codec.AudioCodec;
import org.parley.media.quality.CodecImpairment;
import org.parley.media.sdp.Attribute;
import org.parley.media.sdp.Connection;
import org.parley.media.sdp.MediaDescription;
import org.parley.media.sdp.MediaDirection;
import org.parley.media.sdp.Origin;
import org.parley.media.sdp.RtpMap;
import org.parley.media.sdp.SessionDescription;
import org.parley.media.stream.AudioStreamSettings;

/**
 * Offer/answer for one audio stream (RFC 3264): writes our offer in our codec preference order,
 * answers an offer with the first offered codec we have, and reads what an answer chose. The codec
 * the answer names wins; telephone-event (RFC 4733) is negotiated at the chosen codec's clock rate.
 */
final class SdpOfferAnswer {

  static final String TELEPHONE_EVENT = "telephone-event";
  private static final int PTIME_MILLIS = 20;
  private static final int FIRST_DYNAMIC_PAYLOAD_TYPE = 96;
  private static final String PROTO = "RTP/AVP";

  /**
   * What offer/answer settled.
   *
   * @param settings the stream's codec, payload types and packet time
   * @param remote the peer's description
   * @param medium the peer's audio medium
   * @param peerDirection the direction the peer declared for it
   * @param localFmtp our format parameters for the chosen codec (RFC 7587 for Opus), or empty
   */
  record Negotiated(
      AudioStreamSettings settings,
      SessionDescription remote,
      MediaDescription medium,
      MediaDirection peerDirection,
      String localFmtp) {

    String codecName() {
      return settings.codec().encodingName();
    }
  }

  private SdpOfferAnswer() {}

  /** Our plain RTP offer: every codec in preference order, telephone-event at each clock rate. */
  static SessionDescription offer(
      InetAddress address,
      int port,
      List<AudioCodec> codecs,
      MediaDirection direction,
      long sessionId,
      long version) {
    return offer(address, port, codecs, direction, sessionId, version, PROTO, List.of());
  }

  /**
   * Our offer on {@code proto} (RTP/AVP or RTP/SAVP), with {@code extra} attributes (SDES crypto
   * lines) on the audio line.
   */
  static SessionDescription offer(
      InetAddress address,
      int port,
      List<AudioCodec> codecs,
      MediaDirection direction,
      long sessionId,
      long version,
      String proto,
      List<Attribute> extra) {
    MediaDescription.Builder medium = MediaDescription.builder("audio", port, proto);
    extra.forEach(medium::addAttribute);
    List<Integer> eventRates = new ArrayList<>();
    int nextDynamic = FIRST_DYNAMIC_PAYLOAD_TYPE;
    List<RtpMap> maps = new ArrayList<>();
    for (AudioCodec codec : codecs) {
      int payloadType = codec.staticPayloadType() >= 0 ? codec.staticPayloadType() : nextDynamic++;
      maps.add(
          new RtpMap(payloadType, codec.encodingName(), codec.clockRateHz(), codec.channels()));
      if (!eventRates.contains(codec.clockRateHz())) {
        eventRates.add(codec.clockRateHz());
      }
    }
    for (int rate : eventRates) {
      maps.add(new RtpMap(nextDynamic++, TELEPHONE_EVENT, rate, 1));
    }
    for (int i = 0; i < maps.size(); i++) {
      RtpMap map = maps.get(i);
      medium.addFormat(Integer.toString(map.payloadType()));
      medium.addAttribute(map.toAttribute());
      // The codecs come first in the list, in their order; telephone-event entries follow.
      String fmtp = i < codecs.size() ? OpusFormat.local(codecs.get(i)) : "0-16";
      if (!fmtp.isEmpty()) {
        medium.addAttribute(Attribute.of("fmtp", map.payloadType() + " " + fmtp));
      }
    }
    return describe(address, medium, direction, sessionId, version);
  }

  /**
   * Our answer to an offer: the first offered codec we have (the offerer's preference, RFC 3264
   * §6.1) and telephone-event at its clock rate if offered; empty when nothing matches (488).
   */
  static Optional<Negotiated> choose(SessionDescription offer, List<AudioCodec> codecs) {
    Optional<MediaDescription> audio = firstAudio(offer);
    if (audio.isEmpty()) {
      return Optional.empty();
    }
    MediaDescription medium = audio.get();
    for (String format : medium.formats()) {
      Optional<RtpMap> map = rtpMap(medium, format);
      if (map.isEmpty()) {
        continue;
      }
      Optional<AudioCodec> codec = match(map.get(), codecs);
      if (codec.isPresent()) {
        int payloadType = map.get().payloadType();
        int events = telephoneEvent(medium, codec.get().clockRateHz());
        AudioCodec towardsPeer = OpusFormat.towards(codec.get(), medium, payloadType);
        AudioStreamSettings settings =
            new AudioStreamSettings(
                towardsPeer, payloadType, PTIME_MILLIS, events, impairment(codec.get()));
        return Optional.of(
            new Negotiated(
                settings,
                offer,
                medium,
                offer.effectiveDirection(medium),
                OpusFormat.local(codec.get())));
      }
    }
    return Optional.empty();
  }

  /** Our plain RTP answer's description for what {@link #choose} decided. */
  static SessionDescription answer(
      Negotiated chosen,
      InetAddress address,
      int port,
      MediaDirection direction,
      long sessionId,
      long version) {
    return answer(chosen, address, port, direction, sessionId, version, PROTO, List.of());
  }

  /** Our answer on {@code proto}, with {@code extra} attributes (the chosen SDES crypto line). */
  static SessionDescription answer(
      Negotiated chosen,
      InetAddress address,
      int port,
      MediaDirection direction,
      long sessionId,
      long version,
      String proto,
      List<Attribute> extra) {
    AudioStreamSettings settings = chosen.settings();
    AudioCodec codec = settings.codec();
    MediaDescription.Builder medium = MediaDescription.builder("audio", port, proto);
    extra.forEach(medium::addAttribute);
    medium.addFormat(Integer.toString(settings.payloadType()));
    medium.addAttribute(
        new RtpMap(
                settings.payloadType(), codec.encodingName(), codec.clockRateHz(), codec.channels())
            .toAttribute());
    if (!chosen.localFmtp().isEmpty()) {
      medium.addAttribute(Attribute.of("fmtp", settings.payloadType() + " " + chosen.localFmtp()));
    }
    int events = settings.telephoneEventPayloadType();
    if (events >= 0) {
      medium.addFormat(Integer.toString(events));
      medium.addAttribute(
          new RtpMap(events, TELEPHONE_EVENT, codec.clockRateHz(), 1).toAttribute());
      medium.addAttribute(Attribute.of("fmtp", events + " 0-16"));
    }
    if (chosen.medium().rtcpMux()) {
      medium.addAttribute(Attribute.of("rtcp-mux"));
    }
    return describe(address, medium, direction, sessionId, version);
  }

  /**
   * The direction we answer with: the offer's reversed, narrowed by what we want (RFC 3264 §6.1).
   */
  static MediaDirection answerDirection(MediaDirection offered, MediaDirection wanted) {
    MediaDirection reversed = offered.reversed();
    boolean send = sends(reversed) && sends(wanted);
    boolean receive = receives(reversed) && receives(wanted);
    if (send && receive) {
      return MediaDirection.SENDRECV;
    }
    if (send) {
      return MediaDirection.SENDONLY;
    }
    return receive ? MediaDirection.RECVONLY : MediaDirection.INACTIVE;
  }

  static boolean sends(MediaDirection direction) {
    return direction == MediaDirection.SENDRECV || direction == MediaDirection.SENDONLY;
  }

  static boolean receives(MediaDirection direction) {
    return direction == MediaDirection.SENDRECV || direction == MediaDirection.RECVONLY;
  }

  private static SessionDescription describe(
      InetAddress address,
      MediaDescription.Builder medium,
      MediaDirection direction,
      long sessionId,
      long version) {
    medium.addAttribute(Attribute.of("rtcp-mux"));
    medium.addAttribute(Attribute.of("ptime", Integer.toString(PTIME_MILLIS)));
    medium.addAttribute(direction.toAttribute());
    return SessionDescription.builder()
        .origin(Origin.of("parley", sessionId, version, address))
        .connection(Connection.of(address))
        .addMedia(dedupeRtcpMux(medium.build()))
        .build();
  }

  // The answer path may have added rtcp-mux already when the offer carried it.
  private static MediaDescription dedupeRtcpMux(MediaDescription medium) {
    List<Attribute> attributes = new ArrayList<>();
    boolean seen = false;
    for (Attribute attribute : medium.attributes()) {
      if ("rtcp-mux".equals(attribute.name())) {
        if (seen) {
          continue;
        }
        seen = true;
      }
      attributes.add(attribute);
    }
    return medium.toBuilder().attributes(attributes).build();
  }

  static Optional<MediaDescription> firstAudio(SessionDescription description) {
    return description.media().stream()
        .filter(m -> "audio".equals(m.media()) && !m.isRejected())
        .findFirst();
  }

  private static Optional<RtpMap> rtpMap(MediaDescription medium, String format) {
    try {
      return medium.rtpMap(Integer.parseInt(format));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<AudioCodec> match(RtpMap map, List<AudioCodec> codecs) {
    if (TELEPHONE_EVENT.equalsIgnoreCase(map.encodingName())) {
      return Optional.empty();
    }
    return codecs.stream()
        .filter(c -> c.encodingName().equalsIgnoreCase(map.encodingName()))
        .filter(c -> c.clockRateHz() == map.clockRateHz())
        .findFirst();
  }

  private static int telephoneEvent(MediaDescription medium, int clockRateHz) {
    for (String format : medium.formats()) {
      Optional<RtpMap> map = rtpMap(medium, format);
      if (map.isPresent()
          && TELEPHONE_EVENT.equalsIgnoreCase(map.get().encodingName())
          && map.get().clockRateHz() == clockRateHz) {
        return map.get().payloadType();
      }
    }
    return -1;
  }

  static CodecImpairment impairment(AudioCodec codec) {
    return switch (codec.encodingName().toLowerCase(Locale.ROOT)) {
      case "opus" -> CodecImpairment.OPUS;
      case "g722" -> CodecImpairment.G722;
      default -> CodecImpairment.G711_PLC;
    };
  }
}
