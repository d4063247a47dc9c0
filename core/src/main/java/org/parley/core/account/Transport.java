package org.parley.core.account;

import java.util.Locale;

/** The transport an account's SIP flow to its registrar or proxy runs over. */
public enum Transport {
  UDP(5060),
  TCP(5060),
  TLS(5061);

  private final int defaultPort;

  Transport(int defaultPort) {
    this.defaultPort = defaultPort;
  }

  /** The port used when the server address names none (RFC 3263 §4.2 without SRV). */
  public int defaultPort() {
    return defaultPort;
  }

  /** The {@code transport} URI parameter's value. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the flow is a connection that needs CRLF keep-alives (RFC 5626 §4.4.1). */
  public boolean reliable() {
    return this != UDP;
  }
}
