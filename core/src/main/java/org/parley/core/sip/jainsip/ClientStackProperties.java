package org.parley.core.sip.jainsip;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.parley.core.sip.UserAgentSettings;

/** The jain-sip stack properties the softphone runs with, and why. */
final class ClientStackProperties {

  // jain-sip keys stacks by name within a JVM, and tests start many softphones.
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private ClientStackProperties() {}

  static Properties of(UserAgentSettings settings) {
    Properties properties = new Properties();
    // The "jain-sip." prefix names jain-sip's logger, so logback can quieten it.
    properties.setProperty(
        "javax.sip.STACK_NAME", "jain-sip.parley-core-" + INSTANCES.incrementAndGet());
    properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
    // One processing thread is enough for a phone, and the core's loop serialises work anyway.
    properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "1");
    properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "false");
    properties.setProperty(
        "gov.nist.javax.sip.MAX_MESSAGE_SIZE", String.valueOf(settings.maxMessageBytes()));
    // Requests to the registrar reuse the connection the REGISTER opened (RFC 5626 flows), and
    // the server reaches us back over it.
    properties.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
    properties.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
    properties.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
    properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
    // Blocking TCP/TLS processors (no MESSAGE_PROCESSOR_FACTORY): jain-sip 1.3.0-91's NIO client
    // opens a second connection for a request ("Old socket different than new socket") and
    // responses to a REGISTER went missing. A thread per connection is nothing for a phone.
    // TLS sockets come from our network layer, so certificates are checked by SipTrustManager.
    properties.setProperty("gov.nist.javax.sip.NETWORK_LAYER", TlsNetworkLayer.class.getName());
    properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
    properties.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", "10000");
    return properties;
  }
}
