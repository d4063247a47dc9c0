package org.parley.app.desktop.viewmodel;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the dial field holds, checked and normalised: a SIP URI, {@code user@host}, a user name of
 * the account's domain, or a telephone number (spaces, dashes, dots and brackets dropped).
 */
public final class DialTarget {

  private static final Pattern NUMBER = Pattern.compile("\\+?[0-9*#]+");
  private static final Pattern NUMBER_SEPARATORS = Pattern.compile("[\\s\\-.()/]");
  // RFC 3261 user part characters we accept from a person typing (no escapes, no passwords).
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9._~!$&'*+,;=?/-]+");
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");

  private DialTarget() {}

  /** The target to hand to the core, or empty when the text cannot be called. */
  public static Optional<String> parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    String number = NUMBER_SEPARATORS.matcher(trimmed).replaceAll("");
    if (NUMBER.matcher(number).matches()) {
      return Optional.of(number);
    }
    String lower = trimmed.toLowerCase(Locale.ROOT);
    String rest = trimmed;
    String scheme = "";
    if (lower.startsWith("sip:") || lower.startsWith("sips:")) {
      scheme = lower.startsWith("sips:") ? "sips:" : "sip:";
      rest = trimmed.substring(scheme.length());
    }
    int at = rest.indexOf('@');
    if (at < 0) {
      return scheme.isEmpty() && USER.matcher(rest).matches()
          ? Optional.of(rest)
          : Optional.empty();
    }
    String user = rest.substring(0, at);
    String host = rest.substring(at + 1);
    int params = host.indexOf(';');
    String hostPart = params >= 0 ? host.substring(0, params) : host;
    if (!USER.matcher(user).matches() || !HOST.matcher(hostPart).matches()) {
      return Optional.empty();
    }
    return Optional.of((scheme.isEmpty() ? "sip:" : scheme) + user + "@" + host);
  }
}
