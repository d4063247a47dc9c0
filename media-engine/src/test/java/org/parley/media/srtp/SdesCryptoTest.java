package org.parley.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.media.sdp.Attribute;

class SdesCryptoTest {

  /** The key of RFC 4568 §9.1's first example: 30 bytes in 40 base64 characters. */
  private static final String KEY = "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR";

  @Test
  void parsesTheRfc4568ExampleWithLifetimeAndMki() throws Exception {
    SdesCrypto crypto = SdesCrypto.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4");

    assertThat(crypto.tag()).isEqualTo(1);
    assertThat(crypto.suite()).contains(SrtpSuite.AES_CM_128_HMAC_SHA1_80);
    SdesKeyParam key = crypto.keyParams().get(0);
    assertThat(key.keySalt()).isEqualTo(Base64.getDecoder().decode(KEY)).hasSize(30);
    assertThat(key.lifetimePackets()).isEqualTo(1L << 20);
    assertThat(key.mkiValue()).isEqualTo(1);
    assertThat(key.mkiLengthBytes()).isEqualTo(4);
    assertThat(crypto.isUsable()).as("an MKI cannot be used with jitsi-srtp").isFalse();
  }

  @Test
  void splitsKeyAndSaltOfAPlainLine() throws Exception {
    SdesCrypto crypto = SdesCrypto.parse("7 AES_CM_128_HMAC_SHA1_32 inline:" + KEY);
    byte[] keySalt = Base64.getDecoder().decode(KEY);

    assertThat(crypto.isUsable()).isTrue();
    assertThat(crypto.masterKey().masterKey()).isEqualTo(java.util.Arrays.copyOf(keySalt, 16));
    assertThat(crypto.masterKey().masterSalt())
        .isEqualTo(java.util.Arrays.copyOfRange(keySalt, 16, 30));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '#',
      value = {
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY,
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^31",
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1000",
        "2 AES_CM_128_HMAC_SHA1_32 inline:" + KEY + "|1:4",
        "3 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4;inline:" + KEY + "|2^20|2:4",
        "4 F8_128_HMAC_SHA1_80 inline:MTIzNDU2Nzg5QUJDREUwMTIzNDU2Nzg5QUJjZGVm|2^20|1:4 FEC_ORDER=FEC_SRTP",
        "999999999 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + " UNENCRYPTED_SRTCP KDR=0",
      })
  void formatsWhatItParsed(String value) throws Exception {
    assertThat(SdesCrypto.parse(value).format()).isEqualTo(value);
  }

  @Test
  void formatWritesPowersOfTwoAsExponents() throws Exception {
    SdesCrypto crypto = SdesCrypto.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1048576");

    assertThat(crypto.format()).isEqualTo("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20");
  }

  @Test
  void toleratesExtraWhitespace() throws Exception {
    SdesCrypto crypto = SdesCrypto.parse("  1\tAES_CM_128_HMAC_SHA1_80   inline:" + KEY + " ");

    assertThat(crypto.format()).isEqualTo("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY);
  }

  @Test
  void readsAndWritesSdpAttributes() throws Exception {
    SdesCrypto crypto =
        SdesCrypto.fromAttribute(Attribute.of("crypto", "5 AES_CM_128_HMAC_SHA1_80 inline:" + KEY));

    assertThat(crypto.toAttribute()).isEqualTo(Attribute.of("crypto", crypto.format()));
    assertThatThrownBy(() -> SdesCrypto.fromAttribute(Attribute.of("rtpmap", "0 PCMU/8000")))
        .isInstanceOf(SdesException.class)
        .hasMessageContaining("not a crypto attribute");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '#',
      value = {
        "''# needs a tag, a suite and a key",
        "1 AES_CM_128_HMAC_SHA1_80# needs a tag, a suite and a key",
        "x AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "# tag is not a number",
        "1234567890 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "# tag is not a number",
        "-1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "# tag is not a number",
        "1 AES-CM inline:" + KEY + "# malformed crypto-suite",
        "1 AES_CM_128_HMAC_SHA1_80 uri:http://example.com/key# key method must be 'inline'",
        "1 AES_CM_128_HMAC_SHA1_80 inline:not*base64# key is not base64",
        "1 AES_CM_128_HMAC_SHA1_80 inline:QUJD# needs a 30-byte key||salt, got 3 bytes",
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^x# lifetime exponent is not a decimal",
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^63# out of range",
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|0# lifetime must be positive",
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:0# MKI length must be 1..128",
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:129# MKI length must be 1..128",
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|1:4|2^20# the MKI must be the last",
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|2^20# the lifetime must come right",
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "|2^20|1:4|x# too many '|' fields",
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + ";# key method must be 'inline'",
        "1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "||1:4# lifetime is not a decimal",
      })
  void rejectsMalformedLinesWithAClearMessage(String value, String message) {
    assertThatThrownBy(() -> SdesCrypto.parse(value))
        .isInstanceOf(SdesException.class)
        .hasMessageContaining(message.strip());
  }

  @Test
  void neverShowsTheKeyInToStringOrErrors() throws Exception {
    SdesCrypto crypto = SdesCrypto.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY);

    assertThat(crypto.toString()).doesNotContain(KEY.substring(0, 8)).contains("redacted");
    assertThat(crypto.masterKey().toString()).doesNotContain(KEY.substring(0, 8));
    assertThatThrownBy(() -> SdesCrypto.parse("1 AES_CM_128_HMAC_SHA1_80 inline:" + KEY + "A"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY.substring(0, 8)));
  }

  @Test
  void ofBuildsTheLineParleyOffers() {
    SrtpMasterKey key = SrtpMasterKey.fromKeySalt(Base64.getDecoder().decode(KEY));

    assertThat(SdesCrypto.of(2, SrtpSuite.AES_CM_128_HMAC_SHA1_32, key).format())
        .isEqualTo("2 AES_CM_128_HMAC_SHA1_32 inline:" + KEY);
    assertThat(SdesCrypto.of(2, SrtpSuite.AES_CM_128_HMAC_SHA1_32, key).keyParams())
        .isEqualTo(List.of(SdesKeyParam.of(key)));
  }
}
