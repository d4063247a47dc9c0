package org.parley.media.srtp;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.parley.media.sdp.Attribute;

/**
 * One SDES {@code a=crypto} attribute (RFC 4568 §9.1): {@code tag suite inline:<key||salt>
 * [|lifetime][|MKI:length] [session-params]}.
 *
 * <p>Suites Parley does not know are kept, so an offer can be read whole; for the suites it knows
 * the key length is checked while parsing. {@link #toString()} never shows the key.
 *
 * @param tag the decimal tag, 0..999999999, unique within a media description
 * @param suiteName the crypto-suite token, e.g. {@code AES_CM_128_HMAC_SHA1_80}
 * @param keyParams one or more key parameters
 * @param sessionParams the session parameters, verbatim (e.g. {@code UNENCRYPTED_SRTCP})
 */
public record SdesCrypto(
    int tag, String suiteName, List<SdesKeyParam> keyParams, List<String> sessionParams) {

  /** The SDP attribute name. */
  public static final String ATTRIBUTE_NAME = "crypto";

  private static final int MAX_TAG = 999_999_999;
  private static final Pattern TAG = Pattern.compile("[0-9]{1,9}");
  private static final Pattern SUITE = Pattern.compile("[A-Za-z0-9_]+");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");
  private static final String INLINE = "inline:";

  /** Largest lifetime exponent that still fits the packet count in a long. */
  private static final int MAX_LIFETIME_EXPONENT = 62;

  public SdesCrypto {
    if (tag < 0 || tag > MAX_TAG) {
      throw new IllegalArgumentException("tag out of range: " + tag);
    }
    if (!SUITE.matcher(suiteName).matches()) {
      throw new IllegalArgumentException("bad crypto-suite: " + suiteName);
    }
    keyParams = List.copyOf(keyParams);
    sessionParams = List.copyOf(sessionParams);
    if (keyParams.isEmpty()) {
      throw new IllegalArgumentException("a crypto attribute needs a key");
    }
  }

  /** A line with one plain key: the form Parley offers and answers. */
  public static SdesCrypto of(int tag, SrtpSuite suite, SrtpMasterKey key) {
    return new SdesCrypto(tag, suite.name(), List.of(SdesKeyParam.of(key)), List.of());
  }

  /** The suite, if Parley supports it. */
  public Optional<SrtpSuite> suite() {
    return SrtpSuite.fromName(suiteName);
  }

  /**
   * Whether Parley can key SRTP from this line: a known suite, one key without an MKI (jitsi-srtp
   * cannot tag packets with MKIs) and no session parameters, none of which Parley implements.
   */
  public boolean isUsable() {
    return suite().isPresent()
        && keyParams.size() == 1
        && !keyParams.get(0).hasMki()
        && sessionParams.isEmpty();
  }

  /** The master key and salt of the first key parameter; call only on a usable line. */
  public SrtpMasterKey masterKey() {
    return SrtpMasterKey.fromKeySalt(keyParams.get(0).keySalt());
  }

  /** Parses the value of an {@code a=crypto} attribute (the text after the colon). */
  public static SdesCrypto parse(String value) throws SdesException {
    String[] fields = value.strip().split("[ \t]+");
    if (fields.length < 3) {
      throw new SdesException("crypto attribute needs a tag, a suite and a key: '" + value + "'");
    }
    if (!TAG.matcher(fields[0]).matches()) {
      throw new SdesException("crypto tag is not a number of 1 to 9 digits: '" + fields[0] + "'");
    }
    int tag = Integer.parseInt(fields[0]);
    if (!SUITE.matcher(fields[1]).matches()) {
      throw new SdesException("malformed crypto-suite: '" + fields[1] + "'");
    }
    Optional<SrtpSuite> known = SrtpSuite.fromName(fields[1]);
    List<SdesKeyParam> keys = new ArrayList<>();
    for (String keyParam : fields[2].split(";", -1)) {
      SdesKeyParam parsed = parseKeyParam(keyParam);
      if (known.isPresent() && parsed.keySalt().length != known.get().keySaltLengthBytes()) {
        throw new SdesException(
            fields[1] + " needs a 30-byte key||salt, got " + parsed.keySalt().length + " bytes");
      }
      keys.add(parsed);
    }
    List<String> sessionParams = List.of(fields).subList(3, fields.length);
    return new SdesCrypto(tag, fields[1], keys, sessionParams);
  }

  /** Parses an SDP attribute, which must be named {@code crypto}. */
  public static SdesCrypto fromAttribute(Attribute attribute) throws SdesException {
    if (!ATTRIBUTE_NAME.equals(attribute.name()) || attribute.value() == null) {
      throw new SdesException("not a crypto attribute: " + attribute.name());
    }
    return parse(attribute.value());
  }

  /** The attribute value, as {@link #parse} reads it. */
  public String format() {
    StringBuilder text = new StringBuilder().append(tag).append(' ').append(suiteName).append(' ');
    for (int i = 0; i < keyParams.size(); i++) {
      if (i > 0) {
        text.append(';');
      }
      appendKeyParam(text, keyParams.get(i));
    }
    for (String sessionParam : sessionParams) {
      text.append(' ').append(sessionParam);
    }
    return text.toString();
  }

  /** This line as an SDP attribute. */
  public Attribute toAttribute() {
    return Attribute.of(ATTRIBUTE_NAME, format());
  }

  @Override
  public String toString() {
    return "SdesCrypto[tag=" + tag + ", suite=" + suiteName + ", keys=" + keyParams + "]";
  }

  private static SdesKeyParam parseKeyParam(String keyParam) throws SdesException {
    if (!keyParam.startsWith(INLINE)) {
      throw new SdesException("key method must be 'inline': '" + firstChars(keyParam) + "'");
    }
    String[] parts = keyParam.substring(INLINE.length()).split("\\|", -1);
    if (parts.length > 3) {
      throw new SdesException("too many '|' fields in a key parameter");
    }
    if (!BASE64.matcher(parts[0]).matches()) {
      throw new SdesException("key is not base64");
    }
    byte[] keySalt;
    try {
      keySalt = Base64.getDecoder().decode(parts[0]);
    } catch (IllegalArgumentException e) {
      throw new SdesException("key is not base64", e);
    }
    long lifetime = 0;
    long mkiValue = 0;
    int mkiLength = 0;
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      int colon = part.indexOf(':');
      if (colon >= 0) {
        if (mkiLength > 0 || i != parts.length - 1) {
          throw new SdesException("the MKI must be the last key field: '" + part + "'");
        }
        mkiValue = parseDigits(part.substring(0, colon), "MKI value");
        long length = parseDigits(part.substring(colon + 1), "MKI length");
        if (length < 1 || length > 128) {
          throw new SdesException("MKI length must be 1..128 bytes: " + length);
        }
        mkiLength = (int) length;
      } else {
        if (lifetime > 0 || i != 1) {
          throw new SdesException("the lifetime must come right after the key: '" + part + "'");
        }
        lifetime = parseLifetime(part);
      }
    }
    return new SdesKeyParam(keySalt, lifetime, mkiValue, mkiLength);
  }

  private static long parseLifetime(String text) throws SdesException {
    if (text.startsWith("2^")) {
      long exponent = parseDigits(text.substring(2), "lifetime exponent");
      if (exponent > MAX_LIFETIME_EXPONENT) {
        throw new SdesException("lifetime 2^" + exponent + " is out of range");
      }
      return 1L << exponent;
    }
    long lifetime = parseDigits(text, "lifetime");
    if (lifetime == 0) {
      throw new SdesException("lifetime must be positive");
    }
    return lifetime;
  }

  private static long parseDigits(String text, String what) throws SdesException {
    if (!DIGITS.matcher(text).matches()) {
      throw new SdesException(what + " is not a decimal number: '" + firstChars(text) + "'");
    }
    return Long.parseLong(text);
  }

  private static void appendKeyParam(StringBuilder text, SdesKeyParam key) {
    text.append(INLINE).append(Base64.getEncoder().encodeToString(key.keySalt()));
    long lifetime = key.lifetimePackets();
    if (lifetime > 0) {
      text.append('|');
      if (Long.bitCount(lifetime) == 1) {
        text.append("2^").append(Long.numberOfTrailingZeros(lifetime));
      } else {
        text.append(lifetime);
      }
    }
    if (key.hasMki()) {
      text.append('|').append(key.mkiValue()).append(':').append(key.mkiLengthBytes());
    }
  }

  /** Enough of a bad field to recognise it, never a whole key. */
  private static String firstChars(String text) {
    return text.length() <= 12 ? text : text.substring(0, 12) + "...";
  }
}
