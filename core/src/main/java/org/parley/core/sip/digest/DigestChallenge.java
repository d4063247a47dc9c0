package org.parley.core.sip.digest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code WWW-Authenticate} or {@code Proxy-Authenticate} Digest challenge (RFC 7616 §3.3).
 *
 * @param proxy whether it came in a 407's {@code Proxy-Authenticate} (answered with {@code
 *     Proxy-Authorization})
 * @param qops the offered quality-of-protection tokens, empty for RFC 2069-style challenges
 */
public record DigestChallenge(
    boolean proxy,
    String realm,
    String nonce,
    Optional<String> opaque,
    DigestAlgorithm algorithm,
    List<String> qops,
    boolean stale) {

  public DigestChallenge {
    qops = List.copyOf(qops);
  }

  /**
   * Parses a header value such as {@code Digest realm="x", nonce="y", qop="auth"}.
   *
   * @return empty when the scheme is not Digest, the algorithm is unknown, or realm or nonce is
   *     missing: such a challenge cannot be answered
   */
  public static Optional<DigestChallenge> parse(boolean proxy, String headerValue) {
    String value = headerValue.strip();
    if (value.length() < 7 || !value.substring(0, 7).equalsIgnoreCase("Digest ")) {
      return Optional.empty();
    }
    Map<String, String> params = parameters(value.substring(7));
    String realm = params.get("realm");
    String nonce = params.get("nonce");
    Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(params.get("algorithm"));
    if (realm == null || nonce == null || algorithm.isEmpty()) {
      return Optional.empty();
    }
    List<String> qops = new ArrayList<>();
    String qop = params.get("qop");
    if (qop != null) {
      for (String token : qop.split(",")) {
        if (!token.isBlank()) {
          qops.add(token.strip().toLowerCase(Locale.ROOT));
        }
      }
    }
    return Optional.of(
        new DigestChallenge(
            proxy,
            realm,
            nonce,
            Optional.ofNullable(params.get("opaque")),
            algorithm.get(),
            qops,
            "true".equalsIgnoreCase(params.get("stale"))));
  }

  /** The strongest answerable challenge among those of one response (RFC 7616 §3.7). */
  public static Optional<DigestChallenge> strongest(List<DigestChallenge> challenges) {
    DigestChallenge best = null;
    for (DigestChallenge challenge : challenges) {
      if (best == null || challenge.algorithm.compareTo(best.algorithm) > 0) {
        best = challenge;
      }
    }
    return Optional.ofNullable(best);
  }

  // auth-param list: token "=" ( token / quoted-string ), separated by commas (RFC 7235 §2.1).
  private static Map<String, String> parameters(String text) {
    Map<String, String> params = new LinkedHashMap<>();
    int i = 0;
    int length = text.length();
    while (i < length) {
      while (i < length && (text.charAt(i) == ',' || Character.isWhitespace(text.charAt(i)))) {
        i++;
      }
      int nameStart = i;
      while (i < length && text.charAt(i) != '=' && text.charAt(i) != ',') {
        i++;
      }
      String name = text.substring(nameStart, i).strip().toLowerCase(Locale.ROOT);
      if (i >= length || text.charAt(i) != '=') {
        continue;
      }
      i++;
      while (i < length && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      StringBuilder value = new StringBuilder();
      if (i < length && text.charAt(i) == '"') {
        i++;
        while (i < length && text.charAt(i) != '"') {
          if (text.charAt(i) == '\\' && i + 1 < length) {
            i++;
          }
          value.append(text.charAt(i++));
        }
        i++; // the closing quote, or past the end of a truncated value
      } else {
        while (i < length && text.charAt(i) != ',') {
          value.append(text.charAt(i++));
        }
      }
      if (!name.isEmpty()) {
        params.putIfAbsent(name, value.toString().strip());
      }
    }
    return params;
  }
}
