package org.parley.server.sip.jainsip;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/** The jain-sip stack properties Parley's server runs with, and why. */
final class SipStacks {

  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private SipStacks() {}

  static Properties serverProperties(SipServerSettings settings) {
    Properties properties = new Properties();
    properties.setProperty(
        "javax.sip.STACK_NAME", "jain-sip.parley-server-" + INSTANCES.incrementAndGet());
    // jain-sip names its logger after the stack: "jain-sip.*" lets logback quieten it.
    properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
    properties.setProperty("javax.sip.ROUTER_PATH", HopRouter.class.getName());
    // One processing thread was the fastest on two cores (LAB.md); a bounded message size keeps
    // the UDP reader from queueing 64 KiB buffers until the heap is gone.
    properties.setProperty(
        "gov.nist.javax.sip.THREAD_POOL_SIZE", String.valueOf(settings.threads()));
    properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "false");
    properties.setProperty(
        "gov.nist.javax.sip.MAX_MESSAGE_SIZE", String.valueOf(settings.maxMessageBytes()));
    properties.setProperty("gov.nist.javax.sip.RELEASE_REFERENCES_STRATEGY", "Aggressive");
    // jain-sip sets SO_RCVBUF/SO_SNDBUF itself, to 64 KiB unless told: less than Linux's own
    // default (208 KiB). At 800 calls/s bursts overflowed even that (kernel drops, then
    // retransmissions that cost more than the messages they replace).
    properties.setProperty(
        "gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", String.valueOf(settings.udpBufferBytes()));
    properties.setProperty(
        "gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", String.valueOf(settings.udpBufferBytes()));
    // Overload: jain-sip queues every received datagram (a max-message-size buffer each) without
    // bound. Measured: at 6,000 REGISTER/s with a 512 MB heap the queue filled the heap in seconds
    // and the JVM died. Requests that waited a second are dropped (the client has retransmitted
    // them by then), which sheds load instead.
    properties.setProperty("gov.nist.javax.sip.CONGESTION_CONTROL_TIMEOUT", "1000");
    // NIO: one selector thread for every TCP/TLS connection instead of a thread per connection,
    // with Parley's stream framing: jain-sip 1.3.0-91's own (NioPipelineParser) finds
    // Content-Length by its long name only, so a compact "l:" lost the framing, and it sent no 400
    // for an unparseable request over TCP.
    properties.setProperty(
        "gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY",
        FramedMessageProcessorFactory.class.getName());
    // Duplicated single-value headers get a 400 rather than silently losing all but one value.
    properties.setProperty(
        "gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", StrictMessageParserFactory.class.getName());
    properties.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
    properties.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
    properties.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
    properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
    if (settings.tlsPort() > 0 && settings.tlsKeyStore() != null) {
      String keyStore = settings.tlsKeyStore().toAbsolutePath().toString();
      properties.setProperty("javax.net.ssl.keyStore", keyStore);
      properties.setProperty("javax.net.ssl.trustStore", keyStore);
      properties.setProperty(
          "javax.net.ssl.keyStorePassword", new String(settings.tlsKeyStorePassword()));
      properties.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
      properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
      properties.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.2, TLSv1.3");
    }
    return properties;
  }
}
