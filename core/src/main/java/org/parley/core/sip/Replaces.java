package org.parley.core.sip;

import java.util.Locale;
import java.util.Objects;

/**
 * The Replaces header of RFC 3891: which dialog a new INVITE takes the place of.
 *
 * @param callId the replaced dialog's Call-ID
 * @param toTag compared with the local tag of the UA that receives the INVITE (§3)
 * @param fromTag compared with that UA's remote tag
 * @param earlyOnly the INVITE may replace only an early dialog (486 otherwise)
 */
public record Replaces(String callId, String toTag, String fromTag, boolean earlyOnly) {

  public Replaces {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(toTag, "toTag");
    Objects.requireNonNull(fromTag, "fromTag");
    if (callId.isBlank() || toTag.isBlank() || fromTag.isBlank()) {
      throw new IllegalArgumentException("Replaces needs a Call-ID, a to-tag and a from-tag");
    }
  }

  /**
   * Reads a header value ({@code callid;to-tag=a;from-tag=b[;early-only]}); unknown parameters are
   * ignored (RFC 3891 §6.1 allows extensions).
   *
   * @throws IllegalArgumentException when the Call-ID or a tag is missing
   */
  public static Replaces parse(String value) {
    String[] parts = value.trim().split(";");
    String toTag = null;
    String fromTag = null;
    boolean earlyOnly = false;
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      int equals = parameter.indexOf('=');
      String name = (equals < 0 ? parameter : parameter.substring(0, equals)).trim();
      String parameterValue = equals < 0 ? "" : parameter.substring(equals + 1).trim();
      switch (name.toLowerCase(Locale.ROOT)) {
        case "to-tag" -> toTag = parameterValue;
        case "from-tag" -> fromTag = parameterValue;
        case "early-only" -> earlyOnly = true;
        default -> {
          // an extension parameter we do not know
        }
      }
    }
    if (toTag == null || fromTag == null) {
      throw new IllegalArgumentException("Replaces without to-tag or from-tag: " + value);
    }
    return new Replaces(parts[0].trim(), toTag, fromTag, earlyOnly);
  }

  /** The header value. */
  public String format() {
    return callId + ";to-tag=" + toTag + ";from-tag=" + fromTag + (earlyOnly ? ";early-only" : "");
  }
}
