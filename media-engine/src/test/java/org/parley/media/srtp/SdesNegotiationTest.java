package org.parley.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.media.sdp.Attribute;

class SdesNegotiationTest {

  private static final String KEY = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";

  private final SdesNegotiation offerer = new SdesNegotiation(new SecureRandom());
  private final SdesNegotiation answerer = new SdesNegotiation(new SecureRandom());

  @Test
  void offerListsBothSuitesWithDistinctFreshKeys() {
    List<SdesCrypto> offer = offerer.createOffer();
    List<SdesCrypto> another = offerer.createOffer();

    assertThat(offer).extracting(SdesCrypto::tag).containsExactly(1, 2);
    assertThat(offer)
        .extracting(SdesCrypto::suiteName)
        .containsExactly("AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32");
    assertThat(offer).allSatisfy(line -> assertThat(line.isUsable()).isTrue());
    assertThat(offer.get(0).masterKey()).isNotEqualTo(offer.get(1).masterKey());
    assertThat(offer.get(0).masterKey()).isNotEqualTo(another.get(0).masterKey());
  }

  @Test
  void answerTakesTheFirstUsableLineKeepsItsTagAndUsesOurOwnKey() throws Exception {
    List<Attribute> offered =
        List.of(
            Attribute.of("rtpmap", "0 PCMU/8000"),
            Attribute.of("crypto", "1 AEAD_AES_256_GCM inline:" + KEY),
            Attribute.of("crypto", "2 AES_CM_128_HMAC_SHA1_80 inline:garbage!"),
            Attribute.of("crypto", "3 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:4"),
            Attribute.of("crypto", "4 AES_CM_128_HMAC_SHA1_32 inline:" + KEY),
            Attribute.of("crypto", "5 AES_CM_128_HMAC_SHA1_80 inline:" + KEY));

    SdesAgreement agreement = answerer.answer(offered);
    SdesCrypto answerLine = SdesNegotiation.answerLine(agreement);

    assertThat(agreement.tag()).isEqualTo(4);
    assertThat(agreement.suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_32);
    assertThat(agreement.receivingKey().keySalt()).isEqualTo(Base64.getDecoder().decode(KEY));
    assertThat(agreement.sendingKey()).isNotEqualTo(agreement.receivingKey());
    assertThat(answerLine.format()).startsWith("4 AES_CM_128_HMAC_SHA1_32 inline:");
    assertThat(answerLine.masterKey()).isEqualTo(agreement.sendingKey());
  }

  @Test
  void answerFailsWhenNothingOfferedIsUsable() {
    List<Attribute> offered =
        List.of(
            Attribute.of("crypto", "1 AEAD_AES_256_GCM inline:" + KEY),
            Attribute.of(
                "crypto", "2 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " UNENCRYPTED_SRTP"));

    assertThatThrownBy(() -> answerer.answer(offered))
        .isInstanceOf(SdesException.class)
        .hasMessageContaining("no offered crypto line");
  }

  @Test
  void offerAnswerKeysBothDirections() throws Exception {
    List<SdesCrypto> offer = offerer.createOffer();
    SdesAgreement answered = answerer.answer(attributes(offer));
    SdesAgreement accepted =
        offerer.accept(offer, List.of(SdesNegotiation.answerLine(answered).toAttribute()));

    assertThat(accepted.tag()).isEqualTo(1);
    assertThat(accepted.suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
    byte[] rtp = SrtpRfc3711VectorsTest.rtp(42, 0xABCDEFL, 160);
    byte[] fromOfferer = accepted.newSendingTransform().protectRtp(rtp);
    byte[] fromAnswerer = answered.newSendingTransform().protectRtp(rtp);
    assertThat(answered.newReceivingTransform().unprotectRtp(fromOfferer).packet()).isEqualTo(rtp);
    assertThat(accepted.newReceivingTransform().unprotectRtp(fromAnswerer).packet()).isEqualTo(rtp);
  }

  @Test
  void acceptRejectsATagThatWasNotOffered() {
    List<SdesCrypto> offer = offerer.createOffer();
    List<Attribute> answer =
        List.of(Attribute.of("crypto", "9 AES_CM_128_HMAC_SHA1_80 inline:" + KEY));

    assertThatThrownBy(() -> offerer.accept(offer, answer))
        .isInstanceOf(SdesException.class)
        .hasMessageContaining("answer tag 9 was not offered");
  }

  @Test
  void acceptRejectsAnAnswerThatChangesTheSuiteOfATag() {
    List<SdesCrypto> offer = offerer.createOffer();
    List<Attribute> answer =
        List.of(Attribute.of("crypto", "1 AES_CM_128_HMAC_SHA1_32 inline:" + KEY));

    assertThatThrownBy(() -> offerer.accept(offer, answer))
        .isInstanceOf(SdesException.class)
        .hasMessageContaining("changed the suite");
  }

  @Test
  void acceptRejectsMissingDuplicateAndMalformedAnswers() {
    List<SdesCrypto> offer = offerer.createOffer();
    Attribute good = Attribute.of("crypto", "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY);

    assertThatThrownBy(() -> offerer.accept(offer, List.of()))
        .hasMessageContaining("exactly one crypto line, found 0");
    assertThatThrownBy(() -> offerer.accept(offer, List.of(good, good)))
        .hasMessageContaining("exactly one crypto line, found 2");
    assertThatThrownBy(
            () ->
                offerer.accept(offer, List.of(Attribute.of("crypto", "1 AES_CM_128_HMAC_SHA1_80"))))
        .isInstanceOf(SdesException.class);
    assertThatThrownBy(
            () ->
                offerer.accept(
                    offer,
                    List.of(
                        Attribute.of(
                            "crypto", "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:4"))))
        .hasMessageContaining("not supported");
  }

  private static List<Attribute> attributes(List<SdesCrypto> lines) {
    return lines.stream().map(SdesCrypto::toAttribute).toList();
  }
}
