package org.parley.server.registrar;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides when two Contacts name the same binding: the same URI (compared with the scheme, host and
 * parameters case-folded, the user part as written), or, for RFC 5626 clients, the same {@code
 * +sip.instance} and {@code reg-id} even when the URI changed behind a NAT.
 */
final class ContactKey {

  private static final Pattern INSTANCE =
      Pattern.compile("\\+sip\\.instance=\"?<?([^\">;]+)>?\"?", Pattern.CASE_INSENSITIVE);
  private static final Pattern REG_ID =
      Pattern.compile(";\\s*reg-id=(\\d+)", Pattern.CASE_INSENSITIVE);

  private ContactKey() {}

  static boolean sameBinding(String uriA, String paramsA, String uriB, String paramsB) {
    if (normalise(uriA).equals(normalise(uriB))) {
      return true;
    }
    String instanceA = find(INSTANCE, paramsA);
    return instanceA != null
        && instanceA.equals(find(INSTANCE, paramsB))
        && String.valueOf(find(REG_ID, paramsA)).equals(String.valueOf(find(REG_ID, paramsB)));
  }

  static String normalise(String uri) {
    int colon = uri.indexOf(':');
    int at = uri.indexOf('@');
    if (colon < 0 || at < colon) {
      return uri.toLowerCase(Locale.ROOT);
    }
    return uri.substring(0, colon + 1).toLowerCase(Locale.ROOT)
        + uri.substring(colon + 1, at)
        + uri.substring(at).toLowerCase(Locale.ROOT);
  }

  private static String find(Pattern pattern, String params) {
    if (params == null || params.isEmpty()) {
      return null;
    }
    Matcher matcher = pattern.matcher(params);
    return matcher.find() ? matcher.group(1) : null;
  }
}
