package org.parley.core.voicemail;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * HTTP Basic credentials (RFC 7617, UTF-8) built from the account's SIP user and password each time
 * a request goes, so the password is not held in memory between requests.
 */
final class BasicCredentials {

  private final String user;
  private final Supplier<char[]> password;

  BasicCredentials(String user, Supplier<char[]> password) {
    if (user.indexOf(':') >= 0) {
      throw new IllegalArgumentException("A Basic user name cannot contain a colon");
    }
    this.user = user;
    this.password = password;
  }

  /** The {@code Authorization} header's value; never logged. */
  String authorization() {
    char[] secret = password.get();
    char[] joined = new char[user.length() + 1 + secret.length];
    user.getChars(0, user.length(), joined, 0);
    joined[user.length()] = ':';
    System.arraycopy(secret, 0, joined, user.length() + 1, secret.length);
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(joined));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    try {
      return "Basic " + Base64.getEncoder().encodeToString(bytes);
    } finally {
      Arrays.fill(secret, '\0');
      Arrays.fill(joined, '\0');
      Arrays.fill(bytes, (byte) 0);
      if (encoded.hasArray()) {
        Arrays.fill(encoded.array(), (byte) 0);
      }
    }
  }
}
