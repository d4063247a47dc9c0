package org.parley.server.sip.jainsip;

import gov.nist.javax.sip.stack.HopImpl;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import javax.sip.address.Address;
import javax.sip.address.Hop;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.parley.server.store.StoredSubscription;

/**
 * One watcher's subscription dialog (RFC 6665), the presence agent being the notifier. Built from
 * the initial SUBSCRIBE, which is also what is stored to rebuild it after a restart.
 */
final class Watch {

  final String presentity;
  final String watcherUser;
  final String callId;
  final String localTag;
  final Address presentityAddress;
  final Address watcher;
  final String watcherTag;
  final URI remoteTarget;
  final List<Address> routeSet;
  final Hop hop;
  final String event;
  final String eventId;
  // The SUBSCRIBE without credentials, as stored.
  private final String subscribeText;
  long version;
  long nextCseq = 1;
  Instant expiresAt = Instant.EPOCH;
  ScheduledFuture<?> expiry;

  Watch(Request subscribe, String presentity, String watcherUser, String localTag, Hop hop) {
    FromHeader from = (FromHeader) subscribe.getHeader(FromHeader.NAME);
    this.presentity = presentity;
    this.watcherUser = watcherUser;
    this.callId = ((CallIdHeader) subscribe.getHeader(CallIdHeader.NAME)).getCallId();
    this.localTag = localTag;
    this.presentityAddress = ((ToHeader) subscribe.getHeader(ToHeader.NAME)).getAddress();
    this.watcher = from.getAddress();
    this.watcherTag = from.getTag();
    ContactHeader contact = (ContactHeader) subscribe.getHeader(ContactHeader.NAME);
    this.remoteTarget = contact.getAddress().getURI();
    this.routeSet = new ArrayList<>();
    ListIterator<Header> recordRoutes = subscribe.getHeaders(RecordRouteHeader.NAME);
    while (recordRoutes.hasNext()) {
      routeSet.add(((RecordRouteHeader) recordRoutes.next()).getAddress());
    }
    this.hop = hop;
    EventHeader eventHeader = (EventHeader) subscribe.getHeader(EventHeader.NAME);
    this.event = eventHeader.getEventType().toLowerCase(Locale.ROOT);
    this.eventId = eventHeader.getEventId();
    Request stored = (Request) subscribe.clone();
    stored.removeHeader(AuthorizationHeader.NAME);
    stored.removeHeader(ProxyAuthorizationHeader.NAME);
    stored.removeContent();
    this.subscribeText = stored.toString();
  }

  /** Rebuilds a stored subscription; its SUBSCRIBE is parsed again. */
  static Watch restore(SipContext sip, StoredSubscription stored) throws ParseException {
    Request subscribe = sip.messages().createRequest(stored.request());
    Watch watch =
        new Watch(
            subscribe,
            stored.presentity(),
            stored.watcher(),
            stored.localTag(),
            new HopImpl(stored.hopHost(), stored.hopPort(), stored.hopTransport()));
    watch.nextCseq = stored.nextCseq();
    watch.expiresAt = stored.expiresAt();
    return watch;
  }

  String key() {
    return key(callId, localTag);
  }

  static String key(String callId, String localTag) {
    return callId + "|" + localTag;
  }

  StoredSubscription stored() {
    return new StoredSubscription(
        key(),
        presentity,
        watcherUser,
        subscribeText,
        localTag,
        hop.getHost(),
        hop.getPort(),
        hop.getTransport(),
        expiresAt,
        nextCseq);
  }
}
