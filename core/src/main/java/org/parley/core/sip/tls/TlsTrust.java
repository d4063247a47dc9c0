package org.parley.core.sip.tls;

import java.security.KeyStore;
import java.util.Optional;

/**
 * Which certificate authorities a softphone trusts for SIP over TLS.
 *
 * @param trustStore the anchors; empty means the Java runtime's default ({@code cacerts})
 */
public record TlsTrust(Optional<KeyStore> trustStore) {

  /** The Java runtime's default anchors. */
  public static TlsTrust system() {
    return new TlsTrust(Optional.empty());
  }

  /** Only the certificates in {@code trustStore}, such as an office server's own. */
  public static TlsTrust trusting(KeyStore trustStore) {
    return new TlsTrust(Optional.of(trustStore));
  }
}
