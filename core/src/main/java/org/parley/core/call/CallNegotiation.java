package org.parley.core.call;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.parley.core.call.SdpOfferAnswer.Negotiated;
import org.parley.core.sip.OfferRefusedException;
import org.parley.core.sip.SipWarning;
import org.parley.media.codec.AudioCodec;
import org.parley.media.sdp.MediaDescription;
import org.parley.media.sdp.MediaDirection;
import org.parley.media.sdp.SdpParseException;
import org.parley.media.sdp.SdpParser;
import org.parley.media.sdp.SessionDescription;
import org.parley.media.srtp.SdesAgreement;
import org.parley.media.srtp.SdesException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's side of offer/answer (RFC 3264): writes our offers and answers (origin version
 * counting up, SRTP under the account's policy) and reads the peer's, without touching the audio.
 * Runs on the loop.
 */
final class CallNegotiation {

  private static final Logger LOG = LoggerFactory.getLogger(CallNegotiation.class);

  /**
   * What one offer/answer settled for the stream.
   *
   * @param negotiated codec, payload types and the peer's address and direction
   * @param keys the SRTP agreement, or empty for plain RTP
   */
  record Settled(Negotiated negotiated, Optional<SdesAgreement> keys) {}

  /**
   * Our answer to a peer's offer and what it settles.
   *
   * @param sdp our answer
   * @param settled what the stream should now run
   */
  record Answer(String sdp, Settled settled) {}

  private final CallAudio audio;
  private final CallSecurity security;
  private final long sessionId = System.nanoTime() & 0x7FFF_FFFF_FFFFL;
  private long sessionVersion;
  private List<AudioCodec> codecs;
  private String runningCodec;
  private boolean codecsChanged;

  CallNegotiation(CallAudio audio, MediaEncryption encryption) {
    this.audio = audio;
    this.security = new CallSecurity(encryption);
    this.codecs = audio.media().codecs();
  }

  /** The codecs we offer and accept from now on, in preference order. */
  void setCodecs(List<AudioCodec> preferred) {
    codecs = List.copyOf(preferred);
    codecsChanged = true;
  }

  /** Our offer with the given direction. */
  String offer(MediaDirection wanted) {
    return SdpOfferAnswer.offer(
            audio.address(),
            audio.port(),
            offerOrder(),
            wanted,
            sessionId,
            sessionVersion++,
            security.offerProto(),
            security.offerAttributes())
        .format();
  }

  /**
   * Answers the peer's offer: chooses a codec (the offerer's preference) and keys SRTP.
   *
   * @param wanted the direction we want (sendonly while we hold)
   * @throws OfferRefusedException with the warning for a 488, when nothing acceptable was offered
   */
  Answer answer(String sdp, MediaDirection wanted) throws OfferRefusedException {
    SessionDescription offer = parseOffer(sdp);
    MediaDescription medium =
        SdpOfferAnswer.firstAudio(offer)
            .orElseThrow(() -> refused(SipWarning.MEDIA_TYPE_NOT_AVAILABLE, "No audio offered"));
    Negotiated chosen =
        SdpOfferAnswer.choose(offer, codecs)
            .orElseThrow(
                () -> refused(SipWarning.INCOMPATIBLE_MEDIA_FORMAT, "Incompatible media format"));
    Optional<SdesAgreement> keys = security.answer(medium);
    MediaDirection ours = SdpOfferAnswer.answerDirection(chosen.peerDirection(), wanted);
    String answer =
        SdpOfferAnswer.answer(
                chosen,
                audio.address(),
                audio.port(),
                ours,
                sessionId,
                sessionVersion++,
                CallSecurity.answerProto(medium),
                CallSecurity.answerAttributes(keys))
            .format();
    return new Answer(answer, new Settled(chosen, keys));
  }

  /** Reads the peer's answer to our offer; empty when it is unusable (logged). */
  Optional<Settled> accept(String sdp) {
    Optional<SessionDescription> parsed = parse(sdp);
    Optional<Negotiated> chosen = parsed.flatMap(d -> SdpOfferAnswer.choose(d, codecs));
    if (chosen.isEmpty()) {
      LOG.info("The answer names no codec we offered");
      return Optional.empty();
    }
    try {
      return Optional.of(new Settled(chosen.get(), security.accept(chosen.get().medium())));
    } catch (SdesException e) {
      LOG.info("The answer's SRTP keys are unusable: {}", e.getMessage());
      return Optional.empty();
    }
  }

  /** Records that the stream now runs with {@code settled}. */
  void use(Settled settled) {
    security.use(settled.keys());
    runningCodec = settled.negotiated().codecName();
    codecsChanged = false;
  }

  // A re-offer for hold or a session refresh lists the running codec first, so the answerer (who
  // takes the first it has) keeps it and the audio runs on; only changeCodecs asks for another.
  private List<AudioCodec> offerOrder() {
    if (runningCodec == null || codecsChanged) {
      return codecs;
    }
    List<AudioCodec> ordered = new ArrayList<>(codecs);
    ordered.sort(Comparator.comparing(c -> !c.encodingName().equalsIgnoreCase(runningCodec)));
    return ordered;
  }

  /** Checks an incoming offer before anyone answers: the warning for an immediate 488, or empty. */
  static Optional<SipWarning> refusal(String sdp, CallPolicy policy) {
    try {
      SessionDescription offer = parseOffer(sdp);
      Optional<MediaDescription> medium = SdpOfferAnswer.firstAudio(offer);
      if (medium.isEmpty()) {
        return Optional.of(
            new SipWarning(SipWarning.MEDIA_TYPE_NOT_AVAILABLE, "No audio stream offered"));
      }
      if (SdpOfferAnswer.choose(offer, policy.codecs()).isEmpty()) {
        return Optional.of(
            new SipWarning(SipWarning.INCOMPATIBLE_MEDIA_FORMAT, "Incompatible media format"));
      }
      return CallSecurity.refusal(medium.get(), policy.encryption());
    } catch (OfferRefusedException e) {
      return Optional.of(e.warning());
    }
  }

  private static SessionDescription parseOffer(String sdp) throws OfferRefusedException {
    try {
      return SdpParser.parse(sdp);
    } catch (SdpParseException | IllegalArgumentException e) {
      throw refused(SipWarning.MISCELLANEOUS, "Malformed SDP: " + e.getMessage());
    }
  }

  private static Optional<SessionDescription> parse(String sdp) {
    try {
      return Optional.of(SdpParser.parse(sdp));
    } catch (SdpParseException | IllegalArgumentException e) {
      LOG.info("Unusable SDP: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private static OfferRefusedException refused(int code, String text) {
    return new OfferRefusedException(new SipWarning(code, text));
  }
}
