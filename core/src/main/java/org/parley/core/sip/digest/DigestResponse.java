package org.parley.core.sip.digest;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A client's answer to a Digest challenge (RFC 7616 §3.4): the {@code response} hash and the {@code
 * Authorization}/{@code Proxy-Authorization} header value that carries it.
 *
 * @param qop the chosen quality of protection, {@code null} when the challenge offered none
 * @param nonceCount how many requests this nonce has answered, 1 for the first
 */
public record DigestResponse(
    DigestChallenge challenge,
    String username,
    String method,
    String digestUri,
    String qop,
    String cnonce,
    int nonceCount,
    String response) {

  /**
   * Answers a challenge.
   *
   * @param body the request body, hashed only for {@code qop=auth-int}
   * @param cnonce a fresh client nonce (RFC 7616 §3.4: opaque, unpredictable)
   */
  public static DigestResponse answer(
      DigestChallenge challenge,
      String username,
      char[] password,
      String method,
      String digestUri,
      byte[] body,
      String cnonce,
      int nonceCount) {
    DigestAlgorithm algorithm = challenge.algorithm();
    String qop =
        challenge.qops().contains("auth")
            ? "auth"
            : challenge.qops().contains("auth-int") ? "auth-int" : null;
    String ha1 = secretHash(algorithm, username, challenge.realm(), password);
    if (algorithm.session()) {
      ha1 = algorithm.hash(ha1 + ":" + challenge.nonce() + ":" + cnonce);
    }
    String a2 = method + ":" + digestUri;
    if ("auth-int".equals(qop)) {
      a2 += ":" + algorithm.hash(body == null ? new byte[0] : body);
    }
    String ha2 = algorithm.hash(a2);
    String nc = nonceCountHex(nonceCount);
    String response =
        qop == null
            ? algorithm.hash(ha1 + ":" + challenge.nonce() + ":" + ha2)
            : algorithm.hash(
                ha1 + ":" + challenge.nonce() + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    return new DigestResponse(
        challenge, username, method, digestUri, qop, cnonce, nonceCount, response);
  }

  /** The eight hex digits of {@code nc}. */
  static String nonceCountHex(int nonceCount) {
    return HexFormat.of().toHexDigits(nonceCount);
  }

  // H(username:realm:password) without turning the password into an immutable String.
  private static String secretHash(
      DigestAlgorithm algorithm, String username, String realm, char[] password) {
    byte[] prefix = (username + ":" + realm + ":").getBytes(StandardCharsets.UTF_8);
    var encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] data = new byte[prefix.length + encoded.remaining()];
    System.arraycopy(prefix, 0, data, 0, prefix.length);
    encoded.get(data, prefix.length, encoded.remaining());
    try {
      return algorithm.hash(data);
    } finally {
      Arrays.fill(data, (byte) 0);
      if (encoded.hasArray()) {
        Arrays.fill(encoded.array(), (byte) 0);
      }
    }
  }

  /** The header value: {@code Digest username="...", realm="...", ...}. */
  public String headerValue() {
    StringBuilder value = new StringBuilder("Digest ");
    value.append("username=").append(quoted(username));
    value.append(", realm=").append(quoted(challenge.realm()));
    value.append(", nonce=").append(quoted(challenge.nonce()));
    value.append(", uri=").append(quoted(digestUri));
    value.append(", response=").append(quoted(response));
    value.append(", algorithm=").append(challenge.algorithm().token());
    challenge.opaque().ifPresent(opaque -> value.append(", opaque=").append(quoted(opaque)));
    if (qop != null) {
      value.append(", qop=").append(qop);
      value.append(", nc=").append(nonceCountHex(nonceCount));
      value.append(", cnonce=").append(quoted(cnonce));
    }
    return value.toString();
  }

  private static String quoted(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  @Override
  public String toString() {
    // The response hash is enough for an offline guess at the password: keep it out of logs.
    return "DigestResponse[" + username + "@" + challenge.realm() + ", " + method + "]";
  }
}
