package org.parley.core.sip.jainsip;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ListIterator;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.SupportedHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.sip.SipWarning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The parts of an INVITE dialog's messages that need no dialog state: bodies, routes, answers. */
final class InviteMessages {

  private static final Logger LOG = LoggerFactory.getLogger(InviteMessages.class);

  /** What a 200 to a re-INVITE carries besides the SDP: our Contact, the session timer. */
  record AnswerParts(Supplier<ContactHeader> contact, SessionTimer timer, String callId) {}

  /**
   * RFC 3891 §6.2's option tag: we take an INVITE with Replaces as UAS and send one as UAC, so our
   * INVITEs, our answers to them and our OPTIONS answers say so in Supported.
   */
  static final String REPLACES = "replaces";

  private InviteMessages() {}

  /** Adds {@code optionTag} to the message's Supported option tags unless it is already listed. */
  static void addSupported(Message message, HeaderFactory headers, String optionTag)
      throws ParseException {
    ListIterator<?> supported = message.getHeaders(SupportedHeader.NAME);
    while (supported.hasNext()) {
      if (supported.next() instanceof SupportedHeader header
          && optionTag.equalsIgnoreCase(header.getOptionTag())) {
        return;
      }
    }
    message.addHeader(headers.createSupportedHeader(optionTag));
  }

  /** The message's body as text, if it has one. */
  static Optional<String> body(Message message) {
    byte[] raw = message.getRawContent();
    return raw == null || raw.length == 0
        ? Optional.empty()
        : Optional.of(new String(raw, StandardCharsets.UTF_8));
  }

  /** The transport the request came over, from its top Via. */
  static String transportOf(Request request) {
    ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
    return via == null ? "udp" : via.getTransport();
  }

  // RFC 3261 §12.1.1: the UAS copies Record-Route into its dialog-creating responses, so the
  // caller's route set keeps our proxy in the dialog.
  static void copyRecordRoutes(Request request, Response response) throws SipException {
    if (response.getHeader(RecordRouteHeader.NAME) != null) {
      return;
    }
    ListIterator<?> routes = request.getHeaders(RecordRouteHeader.NAME);
    while (routes.hasNext()) {
      response.addLast((RecordRouteHeader) routes.next());
    }
  }

  /**
   * Answers the peer's re-INVITE in its own server transaction: 200 with our SDP, or 488 with the
   * warning when the offer was refused.
   */
  static void answerReinvite(
      SipFactories sip,
      ServerTransaction transaction,
      Request request,
      Optional<String> sdp,
      SipWarning warning,
      AnswerParts parts) {
    try {
      Response response =
          sip.messages().createResponse(sdp.isPresent() ? Response.OK : 488, request);
      if (warning != null) {
        response.addHeader(WarningHeaders.of(sip, warning));
      }
      if (sdp.isPresent()) {
        if (parts.timer() != null) {
          parts.timer().answer(request, response, sip.headers());
        }
        response.addHeader(parts.contact().get());
        addSupported(response, sip.headers(), REPLACES);
        response.setContent(sdp.get(), sip.headers().createContentTypeHeader("application", "sdp"));
      }
      transaction.sendResponse(response);
    } catch (SipException | ParseException | InvalidArgumentException e) {
      LOG.info("Cannot answer a re-INVITE in call {}: {}", parts.callId(), e.getMessage());
    }
  }
}
