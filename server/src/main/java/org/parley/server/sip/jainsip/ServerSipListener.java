package org.parley.server.sip.jainsip;

import java.text.ParseException;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ProxyRequireHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.auth.AuthLookupException;
import org.parley.server.registrar.LocationService;
import org.parley.server.store.Binding;
import org.parley.server.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class that receives jain-sip's callbacks: it decides which part of the server handles
 * each request (registrar, proxy, echo test, keep-alive) and never lets an exception escape into
 * the stack's thread.
 */
final class ServerSipListener implements SipListener {

  private static final Logger LOG = LoggerFactory.getLogger(ServerSipListener.class);
  private static final String SIP_2_0 = "SIP/2.0";

  private final SipContext sip;
  private final Responses responses;
  private final SipAuthentication authentication;
  private final RegisterHandler registrar;
  private final OptionsHandler options;
  private final ProxyCore proxy;
  private final LocationService locations;
  private final LocalUsers users;
  private final EchoHandler echo;
  private final OfflineMessages offline;
  private final PresenceAgent presence;
  private volatile VoicemailHandler voicemail;
  private volatile GroupChat groupChat;

  ServerSipListener(
      SipContext sip,
      Responses responses,
      SipAuthentication authentication,
      RegisterHandler registrar,
      ProxyCore proxy,
      LocationService locations,
      LocalUsers users,
      EchoHandler echo,
      OfflineMessages offline,
      PresenceAgent presence) {
    this.sip = sip;
    this.responses = responses;
    this.authentication = authentication;
    this.registrar = registrar;
    this.options = new OptionsHandler(sip, responses);
    this.proxy = proxy;
    this.locations = locations;
    this.users = users;
    this.echo = echo;
    this.offline = offline;
    this.presence = presence;
  }

  /** Turns on voicemail: deposits for offline users and calls in the agent's dialogs. */
  void voicemail(VoicemailHandler handler) {
    this.voicemail = handler;
  }

  /** Turns on group chat rooms, looked up before users. */
  void groupChat(GroupChat rooms) {
    this.groupChat = rooms;
  }

  @Override
  public void processRequest(RequestEvent event) {
    Request request = event.getRequest();
    try {
      dispatch(event, request);
    } catch (RuntimeException e) {
      // The stack's thread is a thread root: log, answer 500, keep serving.
      LOG.error("Failed to handle {}", request.getMethod(), e);
      if (!Request.ACK.equals(request.getMethod())) {
        responses.sendStateless(request, Response.SERVER_INTERNAL_ERROR, null);
      }
    }
  }

  private void dispatch(RequestEvent event, Request request) {
    String method = request.getMethod();
    ViaHeader sender = (ViaHeader) request.getHeader(ViaHeader.NAME);
    if (!SIP_2_0.equalsIgnoreCase(sender.getProtocol())) {
      // jain-sip 1.3.0-91 reads any "SIP/x.y" request line as SIP/2.0 (Parser.sipVersion builds
      // its ParseException but never throws it), so the sender's version survives only in its
      // Via's sent-protocol (RFC 4475 §3.1.2.16: SIP/7.0 in both).
      if (!Request.ACK.equals(method)) {
        responses.sendStateless(request, Response.VERSION_NOT_SUPPORTED, null);
      }
      return;
    }
    if (Request.ACK.equals(method) && responses.acknowledgesOurResponse(request)) {
      LOG.debug("Absorbing the ACK for one of our own final responses");
      return;
    }
    if (Request.REGISTER.equals(method)) {
      registrar.handle(event);
      return;
    }
    if (Request.CANCEL.equals(method)) {
      proxy.cancel(event);
      return;
    }
    if (echo.owns(request)) {
      echo.handle(event);
      return;
    }
    VoicemailHandler mailbox = voicemail;
    if (mailbox != null && mailbox.owns(request)) {
      mailbox.handle(event);
      return;
    }
    if (presence.ownsInDialog(request)) {
      presence.refresh(event);
      return;
    }
    boolean inDialog = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
    if (inDialog || Request.ACK.equals(method)) {
      inDialog(event, request, method);
      return;
    }
    outOfDialog(event, request, method);
  }

  /**
   * Requests that carry a To tag (and every ACK) follow the Route set we put ourselves into with
   * Record-Route. One that names us neither in its top Route nor in its Request-URI never passed
   * through our Record-Route: forwarding it would make us an open relay for anyone's dialogs.
   */
  private void inDialog(RequestEvent event, Request request, String method) {
    RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
    boolean addressedToUs = proxy.isUs(request.getRequestURI());
    boolean routedViaUs = route != null && proxy.isUs(route.getAddress().getURI());
    boolean ack = Request.ACK.equals(method);
    if (routedViaUs || (route != null && addressedToUs)) {
      if (ack || !rejectedProxyRequire(request)) {
        proxy.forwardAlongRoute(event);
      }
    } else if (ack) {
      LOG.debug("Dropping an ACK that is not routed through us");
    } else if (addressedToUs) {
      responses.sendStateless(request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
    } else {
      responses.sendStateless(
          request, Response.FORBIDDEN, "Relaying to other domains is not allowed");
    }
  }

  private void outOfDialog(RequestEvent event, Request request, String method) {
    URI target = request.getRequestURI();
    if (!(target instanceof SipURI targetUri)) {
      responses.sendStateless(request, Response.UNSUPPORTED_URI_SCHEME, null);
      return;
    }
    if (targetUri.getUser() == null && proxy.isUs(targetUri)) {
      if (Request.OPTIONS.equals(method)) {
        options.handle(request);
      } else {
        responses.sendStateless(request, Response.NOT_FOUND, "No user in the request URI");
      }
      return;
    }
    if (!echo.isEchoTarget(targetUri) && rejectedByProxyValidation(request)) {
      return;
    }
    URI from = ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress().getURI();
    boolean fromLocalUser = sip.isLocal(from);
    Optional<String> caller = Optional.empty();
    if (fromLocalUser) {
      caller = authentication.authenticate(request, responses::sendStateless);
      if (caller.isEmpty()) {
        return;
      }
    }
    if (!sip.isLocal(targetUri)) {
      responses.sendStateless(
          request, Response.FORBIDDEN, "Relaying to other domains is not allowed");
      return;
    }
    if (echo.isEchoTarget(targetUri)) {
      if (caller.isEmpty()) {
        responses.sendStateless(
            request, Response.FORBIDDEN, "The echo test is for this server's users");
      } else {
        echo.handle(event);
      }
      return;
    }
    VoicemailHandler mailbox = voicemail;
    if (mailbox != null && Request.INVITE.equals(method) && mailbox.isMailboxTarget(targetUri)) {
      if (caller.isEmpty()) {
        responses.sendStateless(
            request, Response.FORBIDDEN, "Mailboxes are for this server's users");
      } else {
        mailbox.listen(event, caller.get());
      }
      return;
    }
    routeToUser(event, request, targetUri, caller);
  }

  /**
   * The checks of RFC 3261 §16.3 that come before any target or policy decision for a request we
   * would forward: Max-Forwards (step 3, RFC 4475 §3.3.11) and Proxy-Require (step 5, RFC 4475
   * §3.3.5). The URI scheme (step 2) is checked by the caller.
   */
  private boolean rejectedByProxyValidation(Request request) {
    return proxy.rejectExhausted(request) || rejectedProxyRequire(request);
  }

  /** This proxy supports no extension, so every Proxy-Require option tag is unsupported. */
  private boolean rejectedProxyRequire(Request request) {
    ListIterator<Header> required = request.getHeaders(ProxyRequireHeader.NAME);
    if (required == null || !required.hasNext()) {
      return false;
    }
    Response response = responses.create(request, Response.BAD_EXTENSION, null);
    try {
      while (required.hasNext()) {
        String tag = ((ProxyRequireHeader) required.next()).getOptionTag();
        response.addHeader(sip.headers().createUnsupportedHeader(tag));
      }
    } catch (ParseException e) {
      throw new IllegalStateException("An option tag that parsed no longer does", e);
    }
    responses.sendStateless(response);
    return true;
  }

  private void routeToUser(
      RequestEvent event, Request request, SipURI targetUri, Optional<String> caller) {
    GroupChat rooms = groupChat;
    if (rooms != null) {
      Optional<List<String>> members;
      try {
        members = rooms.members(targetUri);
      } catch (StoreException e) {
        LOG.error("Room lookup failed for a {}", request.getMethod(), e);
        responses.sendStateless(request, Response.SERVER_INTERNAL_ERROR, "Room store unavailable");
        return;
      }
      if (members.isPresent()) {
        rooms.handle(event, targetUri, members.get(), caller);
        return;
      }
    }
    boolean exists;
    try {
      exists = users.exists(targetUri.getUser());
    } catch (AuthLookupException e) {
      LOG.error("User lookup failed for a {}", request.getMethod(), e);
      responses.sendStateless(request, Response.SERVER_INTERNAL_ERROR, "User store unavailable");
      return;
    }
    if (!exists) {
      responses.sendStateless(request, Response.NOT_FOUND, null);
      return;
    }
    if (presence.handles(request)) {
      presence.handle(event, SipContext.addressOfRecord(targetUri), caller);
      return;
    }
    String aor = SipContext.addressOfRecord(targetUri);
    List<Binding> bindings = locations.lookup(aor);
    if (bindings.isEmpty()) {
      if (offline.keeps(request)) {
        offline.keep(event, aor);
      } else if (voicemail != null && Request.INVITE.equals(request.getMethod())) {
        voicemail.depositNow(event, targetUri.getUser());
      } else {
        responses.sendStateless(request, Response.TEMPORARILY_UNAVAILABLE, null);
      }
      return;
    }
    proxy.fork(event, bindings);
  }

  @Override
  public void processResponse(ResponseEvent event) {
    try {
      if (offline.ownsResponse(event)) {
        offline.response(event);
      } else if (presence.ownsResponse(event)) {
        presence.response(event);
      } else if (voicemail != null && voicemail.ownsResponse(event)) {
        LOG.debug("Voicemail BYE answered {}", event.getResponse().getStatusCode());
      } else if (!echo.ownsResponse(event)) {
        proxy.response(event);
      }
    } catch (RuntimeException e) {
      LOG.error("Failed to relay a {} response", event.getResponse().getStatusCode(), e);
    }
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    try {
      if (offline.ownsTimeout(event)) {
        offline.timeout(event);
      } else if (presence.ownsTimeout(event)) {
        presence.timeout(event);
      } else {
        proxy.timeout(event);
      }
    } catch (RuntimeException e) {
      LOG.error("Failed to handle a transaction timeout", e);
    }
  }

  @Override
  public void processIOException(IOExceptionEvent event) {
    LOG.info("I/O error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
  }

  @Override
  public void processTransactionTerminated(TransactionTerminatedEvent event) {
    // Fork contexts are released when their final response is sent.
  }

  @Override
  public void processDialogTerminated(DialogTerminatedEvent event) {
    // Automatic dialog support is off: the proxy keeps no dialogs.
  }
}
