package org.parley.server.sip.jainsip;

import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.ServerHeader;
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
      return response;
    } catch (ParseException e) {
      throw new IllegalArgumentException("Cannot build a " + status + " response", e);
    }
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
