package org.parley.server.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The user name and password of an HTTP Basic {@code Authorization} header (RFC 7617), UTF-8.
 *
 * @param user the user name
 * @param password the password; callers clear it when done
 */
record BasicCredentials(String user, char[] password) {

  /** The credentials in {@code header}, or empty when it is missing or not valid Basic. */
  static Optional<BasicCredentials> parse(String header) {
    if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("basic ")) {
      return Optional.empty();
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(header.substring(6).strip());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    CharBuffer text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(decoded));
    } catch (CharacterCodingException e) {
      return Optional.empty();
    } finally {
      Arrays.fill(decoded, (byte) 0);
    }
    char[] chars = new char[text.remaining()];
    text.get(chars);
    int colon = 0;
    while (colon < chars.length && chars[colon] != ':') {
      colon++;
    }
    if (colon == 0 || colon == chars.length) {
      Arrays.fill(chars, '\0');
      return Optional.empty();
    }
    String user = new String(chars, 0, colon);
    char[] password = Arrays.copyOfRange(chars, colon + 1, chars.length);
    Arrays.fill(chars, '\0');
    return Optional.of(new BasicCredentials(user, password));
  }

  /** Leaves the password out. */
  @Override
  public String toString() {
    return "BasicCredentials[user=" + user + "]";
  }
}
