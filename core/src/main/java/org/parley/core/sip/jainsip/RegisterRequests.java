package org.parley.core.sip.jainsip;

import java.text.ParseException;
import java.util.List;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.parley.core.account.AccountConfig;
import org.parley.core.account.ServerAddress;
import org.parley.core.account.Transport;
import org.parley.core.sip.RegisterSession;

/** Builds an account's REGISTER requests (RFC 3261 §10.2) from its configuration. */
final class RegisterRequests {

  private static final int MAX_FORWARDS = 70;

  private final SipFactories sip;

  RegisterRequests(SipFactories sip) {
    this.sip = sip;
  }

  Request build(RegisterSession session, int expiresSeconds)
      throws ParseException, InvalidArgumentException {
    AccountConfig account = session.account();
    Address addressOfRecord = sip.addresses().createAddress(account.addressOfRecord());
    ViaHeader via = via(account);
    Request request =
        sip.messages()
            .createRequest(
                requestUri(account),
                Request.REGISTER,
                sip.headers().createCallIdHeader(session.callId()),
                sip.headers().createCSeqHeader(session.nextCseq(), Request.REGISTER),
                sip.headers().createFromHeader(addressOfRecord, session.fromTag()),
                sip.headers().createToHeader(addressOfRecord, null),
                List.of(via),
                sip.headers().createMaxForwardsHeader(MAX_FORWARDS));
    request.addHeader(
        sip.headers().createContactHeader(sip.addresses().createAddress(contactUri(account))));
    request.addHeader(sip.headers().createExpiresHeader(expiresSeconds));
    request.addHeader(sip.headers().createUserAgentHeader(List.of(sip.userAgentName())));
    if (account.outboundProxy().isPresent()) {
      request.addHeader(
          sip.headers()
              .createRouteHeader(
                  sip.addresses().createAddress(hopUri(account.firstHop(), account))));
    }
    return request;
  }

  /**
   * A Via for the account's transport with {@code rport} (RFC 3581): the server answers where the
   * request came from, through any NAT, and tells us that address so a rebinding can be noticed.
   */
  ViaHeader via(AccountConfig account) throws ParseException, InvalidArgumentException {
    String transport = account.transport().token();
    ListeningPoint listeningPoint = sip.provider().getListeningPoint(transport);
    ViaHeader via =
        sip.headers()
            .createViaHeader(
                listeningPoint.getIPAddress(), listeningPoint.getPort(), transport, null);
    via.setRPort();
    return via;
  }

  /** {@code sip:domain}, with the transport named when there is no proxy to carry it. */
  SipURI requestUri(AccountConfig account) {
    try {
      SipURI uri = sip.addresses().createSipURI(null, account.domain());
      if (account.outboundProxy().isEmpty()) {
        // Without a Route the Request-URI decides the first hop: it carries port and transport.
        ServerAddress hop = account.firstHop();
        uri.setPort(hop.port());
        if (account.transport() != Transport.UDP) {
          uri.setTransportParam(account.transport().token());
        }
      }
      return uri;
    } catch (ParseException e) {
      throw new IllegalStateException("Not a SIP domain: " + account.domain(), e);
    }
  }

  /** Our binding: {@code sip:user@our-address:port;transport=...}. */
  SipURI contactUri(AccountConfig account) {
    ListeningPoint listeningPoint = sip.provider().getListeningPoint(account.transport().token());
    try {
      SipURI uri = sip.addresses().createSipURI(account.user(), listeningPoint.getIPAddress());
      uri.setPort(listeningPoint.getPort());
      if (account.transport() != Transport.UDP) {
        uri.setTransportParam(account.transport().token());
      }
      return uri;
    } catch (ParseException e) {
      throw new IllegalStateException("Cannot write a Contact for " + account, e);
    }
  }

  SipURI hopUri(ServerAddress hop, AccountConfig account) throws ParseException {
    SipURI uri = sip.addresses().createSipURI(null, hop.host());
    uri.setPort(hop.port());
    uri.setLrParam();
    uri.setTransportParam(account.transport().token());
    return uri;
  }
}
