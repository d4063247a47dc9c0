package org.parley.server.sip.jainsip;

import java.util.Locale;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/**
 * The jain-sip factories and provider every handler needs, the server's domain, and the address it
 * puts in Via and Record-Route when it listens on every interface.
 */
record SipContext(
    SipProvider provider,
    MessageFactory messages,
    HeaderFactory headers,
    AddressFactory addresses,
    String domain,
    String advertisedAddress,
    String serverName) {

  /** Whether a URI names this server's domain (the host part compared without case). */
  boolean isLocal(URI uri) {
    return uri instanceof SipURI sip && sip.getHost().toLowerCase(Locale.ROOT).equals(domain);
  }

  /** The canonical address-of-record of a SIP URI: {@code sip:user@domain}, lower-case host. */
  static String addressOfRecord(SipURI uri) {
    return "sip:" + uri.getUser() + "@" + uri.getHost().toLowerCase(Locale.ROOT);
  }
}
