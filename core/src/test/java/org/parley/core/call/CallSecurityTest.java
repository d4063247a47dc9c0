package org.parley.core.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.core.sip.OfferRefusedException;
import org.parley.core.sip.SipWarning;
import org.parley.media.sdp.Attribute;
import org.parley.media.sdp.MediaDescription;
import org.parley.media.srtp.SdesAgreement;
import org.parley.media.srtp.SdesCrypto;
import org.parley.media.srtp.SdesException;
import org.parley.media.srtp.SdesNegotiation;
import org.parley.media.srtp.SrtpSuite;

class CallSecurityTest {

  private static final String KEY_A = Base64.getEncoder().encodeToString(filled(30, 1));
  private static final String KEY_B = Base64.getEncoder().encodeToString(filled(30, 2));

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  private static MediaDescription audio(String proto, String... cryptoValues) {
    MediaDescription.Builder medium = MediaDescription.builder("audio", 4000, proto).addFormat("0");
    for (String value : cryptoValues) {
      medium.addAttribute(Attribute.of("crypto", value));
    }
    return medium.build();
  }

  private static CallSecurity security(MediaEncryption policy) {
    return new CallSecurity(policy, new SdesNegotiation(new SecureRandom()));
  }

  @Test
  void withoutEncryptionWeOfferPlainRtpAndNoKeys() {
    CallSecurity security = security(MediaEncryption.NONE);
    assertThat(security.offerProto()).isEqualTo("RTP/AVP");
    assertThat(security.offerAttributes()).isEmpty();
  }

  @Test
  void requiredOffersSavpWithOneKeyPerSuiteAndRepeatsThemInLaterOffers() {
    CallSecurity security = security(MediaEncryption.REQUIRED);
    List<Attribute> first = security.offerAttributes();
    assertThat(security.offerProto()).isEqualTo("RTP/SAVP");
    assertThat(first)
        .extracting(Attribute::value)
        .satisfiesExactly(
            a -> assertThat(a).startsWith("1 AES_CM_128_HMAC_SHA1_80 inline:"),
            a -> assertThat(a).startsWith("2 AES_CM_128_HMAC_SHA1_32 inline:"));
    assertThat(security.offerAttributes()).isEqualTo(first);
  }

  @Test
  void optionalOffersKeysOnPlainRtpAsBestEffort() {
    CallSecurity security = security(MediaEncryption.OPTIONAL);
    assertThat(security.offerProto()).isEqualTo("RTP/AVP");
    assertThat(security.offerAttributes()).hasSize(2);
  }

  @Test
  void refusalsCarryTheWarnCodeForWhatIsWrong() {
    String good = "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY_A;
    String unknownSuite = "1 F8_128_HMAC_SHA1_80 inline:" + KEY_A;
    assertThat(code(audio("RTP/SAVP", good), MediaEncryption.NONE)).hasValue(302);
    assertThat(code(audio("RTP/AVP"), MediaEncryption.REQUIRED)).hasValue(302);
    assertThat(code(audio("RTP/SAVP", unknownSuite), MediaEncryption.REQUIRED)).hasValue(306);
    assertThat(code(audio("RTP/SAVP", unknownSuite), MediaEncryption.OPTIONAL)).hasValue(306);
    assertThat(code(audio("RTP/AVP", unknownSuite), MediaEncryption.OPTIONAL)).isEmpty();
    assertThat(code(audio("RTP/AVP"), MediaEncryption.OPTIONAL)).isEmpty();
    assertThat(code(audio("RTP/SAVP", unknownSuite, good), MediaEncryption.REQUIRED)).isEmpty();
  }

  private static Optional<Integer> code(MediaDescription offer, MediaEncryption policy) {
    return CallSecurity.refusal(offer, policy).map(SipWarning::code);
  }

  @Test
  void anAnswerTakesTheFirstUsableLineAndARepeatedOfferKeepsOurKey() throws Exception {
    CallSecurity security = security(MediaEncryption.OPTIONAL);
    MediaDescription offer =
        audio(
            "RTP/SAVP",
            "3 F8_128_HMAC_SHA1_80 inline:" + KEY_A,
            "4 AES_CM_128_HMAC_SHA1_32 inline:" + KEY_A);
    SdesAgreement first = security.answer(offer).orElseThrow();
    security.use(Optional.of(first));
    assertThat(first.tag()).isEqualTo(4);
    assertThat(first.suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_32);
    assertThat(CallSecurity.answerAttributes(Optional.of(first)))
        .extracting(Attribute::value)
        .singleElement()
        .satisfies(v -> assertThat(v).startsWith("4 AES_CM_128_HMAC_SHA1_32 inline:"));

    assertThat(security.answer(offer)).containsSame(first);
    SdesAgreement rekeyed =
        security.answer(audio("RTP/SAVP", "4 AES_CM_128_HMAC_SHA1_32 inline:" + KEY_B)).get();
    assertThat(rekeyed).isNotEqualTo(first);
  }

  @Test
  void aPlainOfferToAnOptionalPhoneIsAnsweredPlain() throws Exception {
    assertThat(security(MediaEncryption.OPTIONAL).answer(audio("RTP/AVP"))).isEmpty();
  }

  @Test
  void aRequiredPhoneRefusesAPlainOffer() {
    assertThatThrownBy(() -> security(MediaEncryption.REQUIRED).answer(audio("RTP/AVP")))
        .isInstanceOf(OfferRefusedException.class)
        .hasMessageStartingWith("302 ");
  }

  @Test
  void anAnswerWithoutKeysEndsARequiredCallButIsPlainForAnOptionalOne() throws Exception {
    CallSecurity required = security(MediaEncryption.REQUIRED);
    required.offerAttributes();
    assertThatThrownBy(() -> required.accept(audio("RTP/SAVP"))).isInstanceOf(SdesException.class);
    CallSecurity optional = security(MediaEncryption.OPTIONAL);
    optional.offerAttributes();
    assertThat(optional.accept(audio("RTP/AVP"))).isEmpty();
  }

  @Test
  void theAnswersLineKeysBothDirections() throws Exception {
    CallSecurity security = security(MediaEncryption.REQUIRED);
    SdesCrypto ours = SdesCrypto.fromAttribute(security.offerAttributes().get(1));
    SdesAgreement agreement =
        security
            .accept(audio("RTP/SAVP", "2 AES_CM_128_HMAC_SHA1_32 inline:" + KEY_B))
            .orElseThrow();
    assertThat(agreement.suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_32);
    assertThat(agreement.sendingKey()).isEqualTo(ours.masterKey());
    assertThat(agreement.receivingKey().keySalt()).isEqualTo(filled(30, 2));
  }
}
