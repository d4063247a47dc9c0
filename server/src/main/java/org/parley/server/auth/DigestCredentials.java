package org.parley.server.auth;

/**
 * The digest computations of RFC 7616 §3.4.1 for {@code qop=auth}. The server stores only HA1,
 * H(username:realm:password), so a stolen user database does not reveal passwords.
 */
public final class DigestCredentials {

  private DigestCredentials() {}

  /** HA1 = H(username ":" realm ":" password). */
  public static String ha1(
      DigestAlgorithm algorithm, String username, String realm, char[] password) {
    return algorithm.hash(username + ":" + realm + ":" + new String(password));
  }

  /**
   * The expected {@code response} for a request, given the stored HA1.
   *
   * @param method the request method, such as {@code REGISTER}
   * @param digestUri the {@code uri} parameter exactly as the client sent it
   * @param nonceCount the {@code nc} parameter, eight hex digits
   */
  public static String response(
      DigestAlgorithm algorithm,
      String ha1,
      String method,
      String digestUri,
      String nonce,
      String nonceCount,
      String clientNonce) {
    String ha2 = algorithm.hash(method + ":" + digestUri);
    return algorithm.hash(
        ha1 + ":" + nonce + ":" + nonceCount + ":" + clientNonce + ":auth:" + ha2);
  }
}
