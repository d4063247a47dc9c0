package org.parley.server.sip.jainsip;

import java.nio.file.Path;

/**
 * How the SIP stack listens.
 *
 * @param bindAddress the address of every listening point, such as {@code 0.0.0.0}
 * @param sipPort UDP and TCP port
 * @param tlsPort TLS port, or 0 for no TLS
 * @param tlsKeyStore PKCS#12 file with the certificate and key, when TLS is on
 * @param tlsKeyStorePassword its password
 * @param maxMessageBytes larger messages are refused, so a flood cannot fill the heap
 * @param threads jain-sip's message-processing threads (1 is fastest on small machines)
 * @param echoLimits when the echo test hangs up on a quiet or long call
 * @param udpBufferBytes receive and send buffer asked for the UDP socket (the kernel may cap it)
 */
public record SipServerSettings(
    String domain,
    String bindAddress,
    int sipPort,
    int tlsPort,
    Path tlsKeyStore,
    char[] tlsKeyStorePassword,
    int maxMessageBytes,
    int threads,
    String serverName,
    org.parley.server.echo.EchoLimits echoLimits,
    int udpBufferBytes) {}
