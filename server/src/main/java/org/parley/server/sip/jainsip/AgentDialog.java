package org.parley.server.sip.jainsip;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The dialog of a call one of the server's own user agents answered (RFC 3261 §12, UAS side): its
 * local tag, the caller's INVITE and where the caller is, to build the 200 OK and a BYE.
 */
final class AgentDialog {

  private final SipContext sip;
  private final Request invite;
  private final Hop caller;
  private final String localTag = UUID.randomUUID().toString().substring(0, 8);
  private long nextCseq = 1;

  AgentDialog(SipContext sip, Request invite, Hop caller) {
    this.sip = sip;
    this.invite = invite;
    this.caller = caller;
  }

  static String callId(Request request) {
    return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
  }

  /** Whether an in-dialog request carries this dialog's Call-ID and our tag. */
  boolean owns(Request request) {
    String toTag = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
    return localTag.equals(toTag) && callId(invite).equals(callId(request));
  }

  /** A 200 OK to {@code request} with our tag, a Contact for {@code user} and an SDP body. */
  Response ok(Request request, String sdp, String user) {
    try {
      Response response = sip.messages().createResponse(Response.OK, request);
      response.setHeader(sip.headers().createServerHeader(List.of(sip.serverName())));
      ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(localTag);
      String transport =
          ((ViaHeader) request.getHeader(ViaHeader.NAME)).getTransport().toLowerCase(Locale.ROOT);
      var point = sip.provider().getListeningPoint(transport);
      SipURI uri = sip.addresses().createSipURI(user, sip.advertisedAddress());
      uri.setPort(
          point != null ? point.getPort() : sip.provider().getListeningPoints()[0].getPort());
      if (!"udp".equals(transport)) {
        uri.setTransportParam(transport);
      }
      response.setHeader(sip.headers().createContactHeader(sip.addresses().createAddress(uri)));
      ContentTypeHeader type = sip.headers().createContentTypeHeader("application", "sdp");
      response.setContent(sdp.getBytes(StandardCharsets.UTF_8), type);
      return response;
    } catch (ParseException e) {
      throw new IllegalStateException("Cannot build a 200 OK for an agent call", e);
    }
  }

  /** Sends BYE to the caller's Contact, via the address its INVITE came from. */
  void sendBye() throws SipException, ParseException, InvalidArgumentException {
    Request bye = bye();
    HopRouter.via(
        caller,
        () -> {
          ClientTransaction transaction = sip.provider().getNewClientTransaction(bye);
          transaction.setApplicationData(this);
          transaction.sendRequest();
          return null;
        });
  }

  private Request bye() throws ParseException, InvalidArgumentException {
    ContactHeader callerContact = (ContactHeader) invite.getHeader(ContactHeader.NAME);
    FromHeader callerFrom = (FromHeader) invite.getHeader(FromHeader.NAME);
    Address ourAddress = ((ToHeader) invite.getHeader(ToHeader.NAME)).getAddress();
    String transport = caller.getTransport();
    var point = sip.provider().getListeningPoint(transport);
    ViaHeader via =
        sip.headers()
            .createViaHeader(
                sip.advertisedAddress(), point.getPort(), transport, "z9hG4bK" + UUID.randomUUID());
    return sip.messages()
        .createRequest(
            callerContact != null
                ? callerContact.getAddress().getURI()
                : callerFrom.getAddress().getURI(),
            Request.BYE,
            (CallIdHeader) invite.getHeader(CallIdHeader.NAME),
            sip.headers().createCSeqHeader(nextCseq++, Request.BYE),
            sip.headers().createFromHeader(ourAddress, localTag),
            sip.headers().createToHeader(callerFrom.getAddress(), callerFrom.getTag()),
            List.of(via),
            sip.headers().createMaxForwardsHeader(70));
  }
}
