package org.parley.server.sip;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.server.auth.DigestAlgorithm;
import org.parley.server.auth.DigestCredentials;

/** Computes a client's Authorization value from a challenge, as a SIP phone would. */
public final class DigestClient {

  private static final Pattern PARAM = Pattern.compile("(\\w+)=(\"([^\"]*)\"|[^,\\s]+)");

  private DigestClient() {}

  public static String param(String challenge, String name) {
    Matcher matcher = PARAM.matcher(challenge);
    while (matcher.find()) {
      if (matcher.group(1).equalsIgnoreCase(name)) {
        return matcher.group(3) != null ? matcher.group(3) : matcher.group(2);
      }
    }
    return null;
  }

  /** The credentials answering {@code challenge} for a request, with nc=00000001. */
  public static String authorization(
      String challenge, String user, String password, String method, String uri) {
    return authorization(challenge, user, password, method, uri, "00000001");
  }

  public static String authorization(
      String challenge, String user, String password, String method, String uri, String nc) {
    String realm = param(challenge, "realm");
    String nonce = param(challenge, "nonce");
    DigestAlgorithm algorithm =
        DigestAlgorithm.fromToken(param(challenge, "algorithm")).orElseThrow();
    String ha1 = DigestCredentials.ha1(algorithm, user, realm, password.toCharArray());
    String cnonce = "c" + Long.toHexString(System.nanoTime());
    String response = DigestCredentials.response(algorithm, ha1, method, uri, nonce, nc, cnonce);
    return "Digest username=\""
        + user
        + "\", realm=\""
        + realm
        + "\", nonce=\""
        + nonce
        + "\", uri=\""
        + uri
        + "\", response=\""
        + response
        + "\", algorithm="
        + algorithm.token()
        + ", cnonce=\""
        + cnonce
        + "\", nc="
        + nc
        + ", qop=auth";
  }
}
