package org.parley.server.sip.jainsip;

import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/** Builds the presence agent's in-dialog NOTIFY requests (presence and dialog) and its Contact. */
final class PresenceNotify {

  private PresenceNotify() {}

  /** A NOTIFY in a subscription dialog; the caller adds Subscription-State and the body. */
  static Request build(
      SipContext sip,
      Address presentity,
      String localTag,
      Address watcher,
      String watcherTag,
      String callId,
      long cseq,
      URI remoteTarget,
      List<Address> routeSet,
      String transport,
      String eventType,
      String eventId)
      throws ParseException, InvalidArgumentException {
    ListeningPoint point = listeningPoint(sip, transport);
    ViaHeader via =
        sip.headers()
            .createViaHeader(
                sip.advertisedAddress(),
                point.getPort(),
                transport,
                "z9hG4bK" + UUID.randomUUID().toString().replace("-", ""));
    via.setRPort();
    Request notify =
        sip.messages()
            .createRequest(
                remoteTarget,
                Request.NOTIFY,
                sip.headers().createCallIdHeader(callId),
                sip.headers().createCSeqHeader(cseq, Request.NOTIFY),
                sip.headers().createFromHeader(presentity, localTag),
                sip.headers().createToHeader(watcher, watcherTag),
                List.of(via),
                sip.headers().createMaxForwardsHeader(70));
    for (Address route : routeSet) {
      notify.addHeader(sip.headers().createRouteHeader(route));
    }
    EventHeader event = sip.headers().createEventHeader(eventType);
    if (eventId != null) {
      event.setEventId(eventId);
    }
    notify.setHeader(event);
    notify.setHeader(contact(sip, transport));
    return notify;
  }

  /** Where watchers send their refreshes: this server, on the transport they used. */
  static ContactHeader contact(SipContext sip, String transport) throws ParseException {
    String lower = transport.toLowerCase(Locale.ROOT);
    ListeningPoint point = listeningPoint(sip, lower);
    SipURI uri = sip.addresses().createSipURI("presence", sip.advertisedAddress());
    uri.setPort(point.getPort());
    if (!"udp".equals(lower)) {
      uri.setTransportParam(lower);
    }
    return sip.headers().createContactHeader(sip.addresses().createAddress(uri));
  }

  private static ListeningPoint listeningPoint(SipContext sip, String transport) {
    ListeningPoint point = sip.provider().getListeningPoint(transport.toLowerCase(Locale.ROOT));
    return point != null ? point : sip.provider().getListeningPoints()[0];
  }
}
