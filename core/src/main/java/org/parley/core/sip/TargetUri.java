package org.parley.core.sip;

import java.util.Locale;

/** Turns what a user types as a target ({@code bob}, {@code bob@host}, a SIP URI) into a URI. */
public final class TargetUri {

  private TargetUri() {}

  /** {@code sip:user@host} as given, {@code user@host} with the scheme, a bare user in domain. */
  public static String of(String target, String domain) {
    String trimmed = target.trim();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.startsWith("sip:") || lower.startsWith("sips:")) {
      return trimmed;
    }
    return trimmed.indexOf('@') > 0 ? "sip:" + trimmed : "sip:" + trimmed + "@" + domain;
  }
}
