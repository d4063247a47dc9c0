package org.parley.server.sip.jainsip;

import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ServerHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds and sends responses, statelessly or through a server transaction. */
final class Responses {

  private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

  private final SipContext sip;

  Responses(SipContext sip) {
    this.sip = sip;
  }

  /**
   * A response to the request with our Server header; a reason phrase of null keeps the default.
   */
  Response create(Request request, int status, String reasonPhrase) {
    try {
      Response response = sip.messages().createResponse(status, request);
      if (reasonPhrase != null) {
        response.setReasonPhrase(reasonPhrase);
      }
      ServerHeader server = sip.headers().createServerHeader(java.util.List.of(sip.serverName()));
      response.setHeader(server);
      ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
      if (status > Response.TRYING && to != null && to.getTag() == null) {
        to.setTag(localTag(request)); // RFC 3261 §8.2.6.2
      }
      return response;
    } catch (ParseException e) {
      throw new IllegalArgumentException("Cannot build a " + status + " response", e);
    }
  }

  /**
   * Whether an ACK acknowledges a final response this server sent itself (a 407 challenge, a 404):
   * such an ACK ends there (RFC 3261 §17.2.1) and must not be forwarded like one for a 2xx.
   */
  boolean acknowledgesOurResponse(Request ack) {
    ToHeader to = (ToHeader) ack.getHeader(ToHeader.NAME);
    return to != null && localTag(ack).equals(to.getTag());
  }

  /** The To tag of our own responses: derived from the request, so a stateless server knows it. */
  private static String localTag(Request request) {
    CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
    FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
    String seed =
        (callId == null ? "" : callId.getCallId()) + "|" + (from == null ? "" : from.getTag());
    return "px" + Sha256Hex.of(seed, 6);
  }

  /** Sends without a transaction: for REGISTER, OPTIONS and errors to broken requests. */
  void sendStateless(Response response) {
    try {
      sip.provider().sendResponse(response);
    } catch (SipException e) {
      LOG.info("Could not send {} response: {}", response.getStatusCode(), e.getMessage());
    }
  }

  void send(ServerTransaction transaction, Response response) {
    try {
      transaction.sendResponse(response);
    } catch (SipException | InvalidArgumentException e) {
      LOG.info("Could not send {} response: {}", response.getStatusCode(), e.getMessage());
    }
  }

  void sendStateless(Request request, int status, String reasonPhrase) {
    sendStateless(create(request, status, reasonPhrase));
  }
}
