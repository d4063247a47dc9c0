package org.parley.app.link;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code sip:}, {@code sips:} or {@code tel:} link handed to Parley (a click in a browser or a
 * mail, or {@code parley sip:bob@example.com}), as something to call. A {@code tel:} number (RFC
 * 3966) is called as {@code sip:NUMBER@account-domain;user=phone} (RFC 3261 §19.1.6).
 *
 * @param uri the link as given, trimmed
 * @param telephoneNumber for a {@code tel:} link, the number without visual separators
 */
public record CallLink(String uri, Optional<String> telephoneNumber) {

  // RFC 3966 visual separators; a global number keeps its leading +.
  private static final Pattern VISUAL_SEPARATORS = Pattern.compile("[-.()\\s]");
  private static final Pattern NUMBER = Pattern.compile("\\+?[0-9*#A-Fa-f]+");
  private static final Pattern SIP_ADDRESS = Pattern.compile("([^@\\s/?]+@)?[^@\\s/?;]+(;.*)?");

  /** True when {@code argument} looks like a link rather than a subcommand or option. */
  public static boolean isLink(String argument) {
    String lower = argument.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("sip:") || lower.startsWith("sips:") || lower.startsWith("tel:");
  }

  /**
   * Reads a link.
   *
   * @throws IllegalArgumentException with a sentence for the user when it is not one we can call
   */
  public static CallLink parse(String argument) {
    String link = argument.strip();
    int colon = link.indexOf(':');
    String scheme = colon < 0 ? "" : link.substring(0, colon).toLowerCase(Locale.ROOT);
    // Some browsers hand over "sip://bob@host"; the slashes are not part of a SIP URI.
    String rest = link.substring(colon + 1).replaceFirst("^//", "");
    switch (scheme) {
      case "tel" -> {
        String number = VISUAL_SEPARATORS.matcher(rest.split(";", 2)[0]).replaceAll("");
        if (!NUMBER.matcher(number).matches()) {
          throw new IllegalArgumentException(
              "\u201c" + link + "\u201d is not a telephone number; try tel:+4930123456");
        }
        return new CallLink(link, Optional.of(number));
      }
      case "sip", "sips" -> {
        if (!SIP_ADDRESS.matcher(rest).matches()) {
          throw new IllegalArgumentException(
              "\u201c" + link + "\u201d is not a SIP address; try sip:bob@example.com");
        }
        return new CallLink(scheme + ":" + rest, Optional.empty());
      }
      default ->
          throw new IllegalArgumentException(
              "\u201c" + link + "\u201d is not a sip:, sips: or tel: link");
    }
  }

  /** What to dial from an account of {@code accountDomain}. */
  public String target(String accountDomain) {
    return telephoneNumber
        .map(number -> "sip:" + number + "@" + accountDomain + ";user=phone")
        .orElse(uri);
  }
}
