package org.parley.core.call;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parley.core.sip.OfferRefusedException;
import org.parley.core.sip.SipWarning;
import org.parley.media.sdp.Attribute;
import org.parley.media.sdp.MediaDescription;
import org.parley.media.srtp.SdesAgreement;
import org.parley.media.srtp.SdesCrypto;
import org.parley.media.srtp.SdesException;
import org.parley.media.srtp.SdesNegotiation;

/**
 * One call's SDES key exchange (RFC 4568) under the account's {@link MediaEncryption}: the
 * transport protocol and {@code a=crypto} lines of our offers, the crypto line of our answers, and
 * the agreement that keys the stream's SRTP. Runs on the loop.
 */
final class CallSecurity {

  static final String PLAIN_PROTO = "RTP/AVP";
  static final String SECURE_PROTO = "RTP/SAVP";

  private final MediaEncryption policy;
  private final SdesNegotiation sdes;
  private List<SdesCrypto> offered;
  private SdesAgreement agreement;

  CallSecurity(MediaEncryption policy) {
    this(policy, new SdesNegotiation(new SecureRandom()));
  }

  CallSecurity(MediaEncryption policy, SdesNegotiation sdes) {
    this.policy = policy;
    this.sdes = sdes;
  }

  /** The proto of our offers' audio line. */
  String offerProto() {
    return policy == MediaEncryption.REQUIRED ? SECURE_PROTO : PLAIN_PROTO;
  }

  /**
   * Our offers' crypto lines: none without encryption; otherwise one per suite, the same in every
   * offer of the call so that a re-INVITE (hold, codec change) need not rekey (RFC 4568 §7.1.4).
   */
  List<Attribute> offerAttributes() {
    if (policy == MediaEncryption.NONE) {
      return List.of();
    }
    if (offered == null) {
      offered = sdes.createOffer();
    }
    return offered.stream().map(SdesCrypto::toAttribute).toList();
  }

  /** Why we would refuse this offered audio line, checked before any key is made. */
  static Optional<SipWarning> refusal(MediaDescription offer, MediaEncryption policy) {
    boolean secureProto = isSecure(offer.proto());
    boolean usableCrypto =
        offer.attributes(SdesCrypto.ATTRIBUTE_NAME).stream().anyMatch(CallSecurity::usable);
    if (policy == MediaEncryption.NONE) {
      return secureProto
          ? Optional.of(
              new SipWarning(
                  SipWarning.INCOMPATIBLE_TRANSPORT_PROTOCOL, "SRTP is turned off on this phone"))
          : Optional.empty();
    }
    if (usableCrypto) {
      return Optional.empty();
    }
    if (secureProto || !offer.attributes(SdesCrypto.ATTRIBUTE_NAME).isEmpty()) {
      if (policy == MediaEncryption.REQUIRED || secureProto) {
        return Optional.of(
            new SipWarning(
                SipWarning.ATTRIBUTE_NOT_UNDERSTOOD,
                "No supported SRTP crypto suite (AES_CM_128_HMAC_SHA1_80/_32 with SDES)"));
      }
      return Optional.empty(); // best-effort SRTP we cannot key: plain RTP will do
    }
    return policy == MediaEncryption.REQUIRED
        ? Optional.of(
            new SipWarning(
                SipWarning.INCOMPATIBLE_TRANSPORT_PROTOCOL, "This phone requires SRTP (RTP/SAVP)"))
        : Optional.empty();
  }

  /**
   * Keys our answer to the peer's audio line: the agreement (empty for plain RTP). A re-offer that
   * repeats the current line keeps the current keys, so the stream runs on undisturbed.
   */
  Optional<SdesAgreement> answer(MediaDescription offer) throws OfferRefusedException {
    Optional<SipWarning> refused = refusal(offer, policy);
    if (refused.isPresent()) {
      throw new OfferRefusedException(refused.get());
    }
    if (policy == MediaEncryption.NONE
        || offer.attributes(SdesCrypto.ATTRIBUTE_NAME).stream().noneMatch(CallSecurity::usable)) {
      return Optional.empty();
    }
    if (agreement != null && repeats(offer, agreement)) {
      return Optional.of(agreement);
    }
    try {
      return Optional.of(sdes.answer(offer.attributes()));
    } catch (SdesException e) {
      throw new OfferRefusedException(
          new SipWarning(SipWarning.ATTRIBUTE_NOT_UNDERSTOOD, e.getMessage()));
    }
  }

  /** The crypto line of our answer for {@code chosen}, if it is encrypted. */
  static List<Attribute> answerAttributes(Optional<SdesAgreement> chosen) {
    return chosen.map(a -> List.of(SdesNegotiation.answerLine(a).toAttribute())).orElse(List.of());
  }

  /**
   * Reads the peer's answer to our offer: the agreement, or empty for plain RTP.
   *
   * @throws SdesException when the answer's crypto is unusable, or missing though we require it
   */
  Optional<SdesAgreement> accept(MediaDescription answer) throws SdesException {
    boolean answeredCrypto = !answer.attributes(SdesCrypto.ATTRIBUTE_NAME).isEmpty();
    if (offered == null || !answeredCrypto) {
      if (policy == MediaEncryption.REQUIRED) {
        throw new SdesException("the answer has no crypto line, but this phone requires SRTP");
      }
      return Optional.empty();
    }
    return Optional.of(sdes.accept(offered, answer.attributes()));
  }

  /** Records what the stream now runs with. */
  void use(Optional<SdesAgreement> value) {
    agreement = value.orElse(null);
  }

  /** The proto our answer mirrors: the offer's own. */
  static String answerProto(MediaDescription offer) {
    return offer.proto();
  }

  static boolean isSecure(String proto) {
    return proto.toUpperCase(Locale.ROOT).contains("SAVP");
  }

  private static boolean usable(Attribute attribute) {
    try {
      return SdesCrypto.fromAttribute(attribute).isUsable();
    } catch (SdesException e) {
      return false;
    }
  }

  private static boolean repeats(MediaDescription offer, SdesAgreement current) {
    for (Attribute attribute : offer.attributes(SdesCrypto.ATTRIBUTE_NAME)) {
      try {
        SdesCrypto line = SdesCrypto.fromAttribute(attribute);
        if (line.tag() == current.tag()
            && line.isUsable()
            && line.suite().orElseThrow() == current.suite()
            && line.masterKey().equals(current.receivingKey())) {
          return true;
        }
      } catch (SdesException e) {
        // A malformed line repeats nothing.
      }
    }
    return false;
  }
}
