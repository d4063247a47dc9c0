package org.parley.core.sip.jainsip;

import gov.nist.javax.sip.ListeningPointExt;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TransportAlreadySupportedException;
import javax.sip.TransportNotSupportedException;
import org.parley.core.account.AccountConfig;
import org.parley.core.account.ServerAddress;
import org.parley.core.loop.EventLoop;
import org.parley.core.sip.DialogListener;
import org.parley.core.sip.IncomingInvite;
import org.parley.core.sip.IncomingRequest;
import org.parley.core.sip.InviteHeaders;
import org.parley.core.sip.LocalPorts;
import org.parley.core.sip.OutgoingRequest;
import org.parley.core.sip.RegisterResult;
import org.parley.core.sip.RegisterSession;
import org.parley.core.sip.RequestOutcome;
import org.parley.core.sip.SipDialog;
import org.parley.core.sip.SipException;
import org.parley.core.sip.SipUserAgent;
import org.parley.core.sip.UserAgentSettings;
import org.parley.core.sip.tls.SipTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The softphone's SIP user agent on one jain-sip stack: UDP and TCP on one local port, TLS on
 * another, one listener that hands everything to the core's loop.
 */
public final class JainSipUserAgent implements SipUserAgent {

  private static final Logger LOG = LoggerFactory.getLogger(JainSipUserAgent.class);

  private final SipStack stack;
  private final String stackName;
  private final SipFactories sip;
  private final RegisterClient registers;
  private final InviteDialogs dialogs;
  private final NonInviteRequests requests;
  private final SipTrustManager trustManager;
  private final long pongTimeoutMillis;

  private JainSipUserAgent(
      SipStack stack,
      String stackName,
      SipFactories sip,
      RegisterClient registers,
      InviteDialogs dialogs,
      NonInviteRequests requests,
      SipTrustManager trustManager,
      long pongTimeoutMillis) {
    this.stack = stack;
    this.stackName = stackName;
    this.sip = sip;
    this.registers = registers;
    this.dialogs = dialogs;
    this.requests = requests;
    this.trustManager = trustManager;
    this.pongTimeoutMillis = pongTimeoutMillis;
  }

  /** Starts the stack on free local ports of {@code settings.bindAddress()}. */
  public static JainSipUserAgent start(UserAgentSettings settings, EventLoop loop)
      throws SipException {
    Properties properties = ClientStackProperties.of(settings);
    String stackName = properties.getProperty("javax.sip.STACK_NAME");
    AtomicReference<RegisterClient> registers = new AtomicReference<>();
    SipTrustManager trustManager;
    try {
      // Refusals are noted on the handshake's thread; the REGISTER that failed reads them.
      trustManager =
          new SipTrustManager(
              settings.tlsTrust(),
              reason -> {
                RegisterClient client = registers.get();
                if (client != null) {
                  client.tlsRefused(reason);
                }
              });
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager}, null);
      TlsNetworkLayer.register(stackName, context);
    } catch (GeneralSecurityException e) {
      throw new SipException("Cannot set up TLS: " + e.getMessage(), e);
    }
    SipFactory factory = SipFactory.getInstance();
    factory.setPathName("gov.nist");
    SipStack stack;
    try {
      stack = factory.createSipStack(properties);
    } catch (PeerUnavailableException e) {
      TlsNetworkLayer.unregister(stackName);
      throw new SipException("Cannot create the SIP stack: " + e.getMessage(), e);
    }
    try {
      SipProvider provider = listen(stack, settings.bindAddress());
      SipFactories sip =
          new SipFactories(
              provider,
              factory.createMessageFactory(),
              factory.createHeaderFactory(),
              factory.createAddressFactory(),
              settings.userAgentName());
      registers.set(new RegisterClient(sip, loop));
      InviteDialogs dialogs = new InviteDialogs(sip, loop);
      NonInviteRequests requests = new NonInviteRequests(sip, loop);
      provider.addSipListener(new UserAgentListener(loop, registers.get(), dialogs, sip, requests));
      stack.start();
      return new JainSipUserAgent(
          stack,
          stackName,
          sip,
          registers.get(),
          dialogs,
          requests,
          trustManager,
          settings.pongTimeout().toMillis());
    } catch (TooManyListenersException | javax.sip.SipException | IOException e) {
      stack.stop();
      TlsNetworkLayer.unregister(stackName);
      throw new SipException("Cannot start the SIP stack: " + e.getMessage(), e);
    }
  }

  private static SipProvider listen(SipStack stack, String address)
      throws IOException, ObjectInUseException {
    int port = LocalPorts.freeUdpAndTcp(address);
    int tlsPort = LocalPorts.freeUdpAndTcp(address);
    try {
      SipProvider provider =
          stack.createSipProvider(stack.createListeningPoint(address, port, ListeningPoint.UDP));
      provider.addListeningPoint(stack.createListeningPoint(address, port, ListeningPoint.TCP));
      provider.addListeningPoint(stack.createListeningPoint(address, tlsPort, ListeningPoint.TLS));
      LOG.debug("SIP user agent on {} port {} (UDP, TCP), {} (TLS)", address, port, tlsPort);
      return provider;
    } catch (TransportNotSupportedException
        | TransportAlreadySupportedException
        | InvalidArgumentException e) {
      throw new IOException("Cannot listen on " + address + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void register(RegisterSession session, int expiresSeconds, Consumer<RegisterResult> done) {
    registers.register(session, expiresSeconds, done);
  }

  @Override
  public SipDialog invite(
      RegisterSession session,
      String targetUri,
      Optional<String> sdpOffer,
      DialogListener listener) {
    return dialogs.invite(session, targetUri, sdpOffer, InviteHeaders.NONE, listener);
  }

  @Override
  public SipDialog invite(
      RegisterSession session,
      String targetUri,
      Optional<String> sdpOffer,
      InviteHeaders headers,
      DialogListener listener) {
    return dialogs.invite(session, targetUri, sdpOffer, headers, listener);
  }

  @Override
  public void onIncomingInvite(Consumer<IncomingInvite> handler) {
    dialogs.onIncomingInvite(handler);
  }

  @Override
  public void send(
      RegisterSession session, OutgoingRequest request, Consumer<RequestOutcome> done) {
    requests.send(session, request, done);
  }

  @Override
  public void onIncomingRequest(
      String method, String eventPackage, Function<IncomingRequest, Integer> handler) {
    requests.onIncoming(method, eventPackage, handler);
  }

  @Override
  public void sendKeepAlive(RegisterSession session, Runnable flowFailed) {
    AccountConfig account = session.account();
    ServerAddress hop = account.firstHop();
    String transport = account.transport().token();
    ListeningPointExt listeningPoint =
        (ListeningPointExt) sip.provider().getListeningPoint(transport);
    try {
      String peer = InetAddress.getByName(hop.host()).getHostAddress();
      if (account.transport().reliable()) {
        if (!registers.watchFlow(session, transport, peer, hop.port(), flowFailed)) {
          return; // another account's ping on this connection is still waiting for its pong
        }
        // RFC 5626 §4.4.1: no CRLF pong within the timeout means the flow is dead. jain-sip
        // times the pong on the connection and reports a miss as an I/O error on it.
        ((SipStackImpl) stack)
            .setKeepAliveTimeout(
                listeningPoint.getIPAddress(),
                listeningPoint.getPort(),
                transport,
                peer,
                hop.port(),
                pongTimeoutMillis);
      }
      listeningPoint.sendHeartbeat(peer, hop.port());
    } catch (IOException e) {
      LOG.info("Keep-alive to {} failed: {}", hop, e.getMessage());
      flowFailed.run();
    }
  }

  @Override
  public void expectTlsServer(AccountConfig account) {
    ServerAddress hop = account.firstHop();
    try {
      for (InetAddress address : InetAddress.getAllByName(hop.host())) {
        trustManager.expectDomain(account.domain(), address.getHostAddress(), hop.port());
      }
    } catch (UnknownHostException e) {
      // Resolved again when the REGISTER goes out; until then any configured domain will do.
      trustManager.expectDomain(account.domain(), hop.host(), hop.port());
    }
  }

  @Override
  public void trustServerCertificates(String domain, List<X509Certificate> certificates)
      throws SipException {
    try {
      trustManager.trustForDomain(domain, certificates);
    } catch (GeneralSecurityException e) {
      throw new SipException("Cannot trust the certificate: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      stack.stop();
    } catch (RuntimeException e) {
      // jain-sip's NIO processor can race its own shutdown; the sockets are closed either way.
      LOG.warn("The SIP stack did not stop cleanly", e);
    } finally {
      TlsNetworkLayer.unregister(stackName);
    }
  }
}
