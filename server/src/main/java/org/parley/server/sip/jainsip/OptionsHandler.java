package org.parley.server.sip.jainsip;

import java.text.ParseException;
import java.util.List;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** Answers OPTIONS sent to the server itself: the keep-alive and capability probe of phones. */
final class OptionsHandler {

  static final List<String> ALLOW =
      List.of(
          "INVITE",
          "ACK",
          "CANCEL",
          "BYE",
          "OPTIONS",
          "REGISTER",
          "MESSAGE",
          "SUBSCRIBE",
          "NOTIFY",
          "REFER",
          "INFO",
          "UPDATE",
          "PRACK");

  private final SipContext sip;
  private final Responses responses;

  OptionsHandler(SipContext sip, Responses responses) {
    this.sip = sip;
    this.responses = responses;
  }

  void handle(Request request) {
    Response response = responses.create(request, Response.OK, null);
    try {
      for (String method : ALLOW) {
        response.addHeader(sip.headers().createAllowHeader(method));
      }
      response.setHeader(sip.headers().createAcceptHeader("application", "sdp"));
      response.addHeader(sip.headers().createSupportedHeader("path"));
      response.addHeader(sip.headers().createSupportedHeader("outbound"));
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
    responses.sendStateless(response);
  }
}
