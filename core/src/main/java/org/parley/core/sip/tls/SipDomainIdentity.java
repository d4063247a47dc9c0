package org.parley.core.sip.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;

/**
 * The SIP domains a server certificate speaks for (RFC 5922 §7.1) and the match against the domain
 * we meant to reach (§7.2): subjectAltName URIs {@code sip:domain} and dNSName entries; the
 * subject's CN only when the certificate has neither. No wildcards (§7.2 forbids accepting them).
 */
public final class SipDomainIdentity {

  private static final int SAN_DNS_NAME = 2;
  private static final int SAN_URI = 6;

  private SipDomainIdentity() {}

  /** The certificate's SIP domain identities, lower case. */
  public static List<String> identities(X509Certificate certificate) {
    List<String> identities = new ArrayList<>();
    boolean hasNames = false;
    Collection<List<?>> names;
    try {
      names = certificate.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      return identities; // an unreadable extension speaks for no domain
    }
    if (names != null) {
      for (List<?> name : names) {
        Object type = name.get(0);
        Object value = name.get(1);
        if (!(type instanceof Integer kind) || !(value instanceof String text)) {
          continue;
        }
        hasNames |= kind == SAN_DNS_NAME || kind == SAN_URI;
        if (kind == SAN_DNS_NAME) {
          identities.add(text.toLowerCase(Locale.ROOT));
        } else if (kind == SAN_URI && text.regionMatches(true, 0, "sip:", 0, 4)) {
          String host = text.substring(4);
          // §7.1: a URI with a user part identifies a user, not a domain.
          if (host.indexOf('@') < 0 && host.indexOf(';') < 0 && host.indexOf(':') < 0) {
            identities.add(host.toLowerCase(Locale.ROOT));
          }
        }
      }
    }
    if (!hasNames) {
      commonName(certificate.getSubjectX500Principal()).ifPresent(identities::add);
    }
    return identities;
  }

  /** Whether the certificate speaks for {@code domain}. */
  public static boolean matches(X509Certificate certificate, String domain) {
    return identities(certificate).contains(domain.toLowerCase(Locale.ROOT));
  }

  private static java.util.Optional<String> commonName(X500Principal subject) {
    for (String part : subject.getName(X500Principal.RFC2253).split(",")) {
      String trimmed = part.strip();
      if (trimmed.regionMatches(true, 0, "CN=", 0, 3)) {
        return java.util.Optional.of(trimmed.substring(3).toLowerCase(Locale.ROOT));
      }
    }
    return java.util.Optional.empty();
  }
}
