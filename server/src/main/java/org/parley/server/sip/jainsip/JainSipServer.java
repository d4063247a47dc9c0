package org.parley.server.sip.jainsip;

import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Clock;
import java.util.Collections;
import java.util.Locale;
import java.util.TooManyListenersException;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.ObjectInUseException;
import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TransportNotSupportedException;
import org.parley.server.auth.DigestAuthenticator;
import org.parley.server.presence.PresenceOptions;
import org.parley.server.registrar.LocationService;
import org.parley.server.registrar.Registrar;
import org.parley.server.store.MessageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The server's SIP side on jain-sip: UDP and TCP on one port, TLS on another, one listener. */
public final class JainSipServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JainSipServer.class);

  private final SipStack stack;
  private final SipProvider provider;
  private final PresenceAgent presence;
  private final VoicemailHandler voicemail;
  private final GroupChat groupChat;

  private JainSipServer(
      SipStack stack,
      SipProvider provider,
      PresenceAgent presence,
      VoicemailHandler voicemail,
      GroupChat groupChat) {
    this.stack = stack;
    this.groupChat = groupChat;
    this.provider = provider;
    this.presence = presence;
    this.voicemail = voicemail;
  }

  /** Starts listening; the server answers requests from this call's return on. */
  public static JainSipServer start(
      SipServerSettings settings,
      Registrar registrar,
      LocationService locations,
      DigestAuthenticator authenticator,
      LocalUsers users,
      MessageStore messages,
      Clock clock)
      throws SipServerException {
    return start(settings, registrar, locations, authenticator, users, messages, null, clock);
  }

  /**
   * Starts listening, with voicemail when {@code voicemail} is given: calls that a user does not
   * take go to the user's mailbox, and users may subscribe to their message summary.
   */
  public static JainSipServer start(
      SipServerSettings settings,
      Registrar registrar,
      LocationService locations,
      DigestAuthenticator authenticator,
      LocalUsers users,
      MessageStore messages,
      VoicemailService voicemail,
      Clock clock)
      throws SipServerException {
    return start(
        settings,
        registrar,
        locations,
        authenticator,
        users,
        messages,
        voicemail,
        PresenceOptions.inMemory(),
        clock);
  }

  /**
   * Starts listening, with voicemail when {@code voicemail} is given, and the presence agent's
   * watcher policy and kept subscriptions from {@code presenceOptions}; kept subscriptions resume.
   */
  public static JainSipServer start(
      SipServerSettings settings,
      Registrar registrar,
      LocationService locations,
      DigestAuthenticator authenticator,
      LocalUsers users,
      MessageStore messages,
      VoicemailService voicemail,
      PresenceOptions presenceOptions,
      Clock clock)
      throws SipServerException {
    SipFactory factory = SipFactory.getInstance();
    factory.setPathName("gov.nist");
    SipStack stack;
    try {
      stack = factory.createSipStack(SipStacks.serverProperties(settings));
    } catch (PeerUnavailableException e) {
      throw new SipServerException("Cannot create the SIP stack: " + e.getMessage(), e);
    }
    StrayResponseValve strays = strayResponses(stack);
    try {
      SipProvider provider = listen(stack, settings);
      UdpBufferCheck.logAtStart(settings.udpBufferBytes());
      SipContext sip =
          new SipContext(
              provider,
              factory.createMessageFactory(),
              factory.createHeaderFactory(),
              factory.createAddressFactory(),
              settings.domain().toLowerCase(Locale.ROOT),
              advertisedAddress(settings.bindAddress()),
              settings.serverName());
      Responses responses = new Responses(sip);
      SipAuthentication authentication = new SipAuthentication(authenticator, responses, sip);
      PresenceAgent presence = new PresenceAgent(sip, responses, clock, presenceOptions);
      ProxyCore proxy = new ProxyCore(sip, responses, presence.dialogs());
      OfflineMessages offline = new OfflineMessages(sip, responses, proxy, messages, clock);
      ServerSipListener listener =
          new ServerSipListener(
              sip,
              responses,
              authentication,
              new RegisterHandler(
                  sip, responses, authentication, registrar, clock, offline::deliver),
              proxy,
              locations,
              users,
              new EchoHandler(sip, responses, settings.echoLimits()),
              offline,
              presence);
      GroupChat groupChat = new GroupChat(sip, responses, offline, locations);
      listener.groupChat(groupChat);
      VoicemailHandler mailbox = null;
      if (voicemail != null) {
        mailbox = voicemail.attach(sip, responses, proxy, presence, clock);
        listener.voicemail(mailbox);
      }
      provider.addSipListener(listener);
      strays.relayTo(proxy::relayStray);
      stack.start();
      presence.resume();
      LOG.info(
          "SIP listening on {}:{} (UDP, TCP){}",
          settings.bindAddress(),
          settings.sipPort(),
          settings.tlsPort() > 0 ? " and TLS port " + settings.tlsPort() : "");
      return new JainSipServer(stack, provider, presence, mailbox, groupChat);
    } catch (TooManyListenersException | javax.sip.SipException e) {
      stack.stop();
      throw new SipServerException("Cannot start the SIP server: " + e.getMessage(), e);
    }
  }

  /** Installed before the stack listens: jain-sip reads its valve list without locking. */
  private static StrayResponseValve strayResponses(SipStack stack) {
    SIPTransactionStack transactions = (SIPTransactionStack) stack;
    StrayResponseValve valve =
        new StrayResponseValve(id -> transactions.findTransaction(id, false) != null);
    transactions.sipMessageValves.add(valve);
    return valve;
  }

  private static SipProvider listen(SipStack stack, SipServerSettings settings)
      throws SipServerException, ObjectInUseException {
    String address = settings.bindAddress();
    try {
      SipProvider provider =
          stack.createSipProvider(
              stack.createListeningPoint(address, settings.sipPort(), ListeningPoint.UDP));
      provider.addListeningPoint(
          stack.createListeningPoint(address, settings.sipPort(), ListeningPoint.TCP));
      if (settings.tlsPort() > 0 && settings.tlsKeyStore() != null) {
        provider.addListeningPoint(
            stack.createListeningPoint(address, settings.tlsPort(), ListeningPoint.TLS));
      }
      return provider;
    } catch (TransportNotSupportedException
        | javax.sip.TransportAlreadySupportedException
        | InvalidArgumentException e) {
      stack.stop();
      throw new SipServerException(
          "Cannot listen on "
              + address
              + " port "
              + settings.sipPort()
              + ": "
              + e.getMessage()
              + " (is another SIP server running? choose another --sip-port)",
          e);
    }
  }

  /** The address peers can reach us at when we listen on every interface. */
  private static String advertisedAddress(String bindAddress) {
    if (!"0.0.0.0".equals(bindAddress) && !"::".equals(bindAddress)) {
      return bindAddress;
    }
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
            return address.getHostAddress();
          }
        }
      }
    } catch (SocketException e) {
      LOG.warn("Cannot list network interfaces; advertising 127.0.0.1", e);
    }
    return "127.0.0.1";
  }

  /** Turns on group chat rooms: a MESSAGE to a room's name goes to its other members. */
  public void rooms(ChatRooms rooms) {
    groupChat.rooms(rooms);
  }

  public int connectionCount() {
    return provider.getListeningPoints().length;
  }

  @Override
  public void close() {
    if (voicemail != null) {
      voicemail.close();
    }
    presence.close();
    try {
      stack.stop();
    } catch (RuntimeException e) {
      // jain-sip's NIO processor can race its own shutdown (NPE on a half-built channel list);
      // the sockets are closed either way, and shutdown must go on to the database.
      LOG.warn("The SIP stack did not stop cleanly", e);
    }
  }
}
