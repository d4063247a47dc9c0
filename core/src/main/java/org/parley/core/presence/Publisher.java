package org.parley.core.presence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.core.loop.EventLoop.Cancellable;
import org.parley.core.presence.PresenceEvent.PublishFailed;
import org.parley.core.presence.PresenceEvent.StatusPublished;
import org.parley.core.sip.OutgoingRequest;
import org.parley.core.sip.RequestIds;
import org.parley.core.sip.RequestOutcome;
import org.parley.core.sip.SipHeader;

/**
 * Our presence publication (RFC 3903): the initial PUBLISH with a document, refreshes with the
 * entity-tag and no body before it expires, modifications when the status changes. One request at a
 * time; a change made meanwhile is sent when it is answered. Runs on the core's loop.
 */
final class Publisher {

  static final int EXPIRES_SECONDS = 3600;

  private final Presence owner;
  private final String addressOfRecord;
  private Optional<String> entityTag = Optional.empty();
  private int expiresSeconds = EXPIRES_SECONDS;
  private Cancellable refresh;
  private PresenceStatus wanted;
  private PresenceStatus published;
  private boolean inFlight;

  Publisher(Presence owner, String addressOfRecord) {
    this.owner = owner;
    this.addressOfRecord = addressOfRecord;
  }

  void publish(PresenceStatus status) {
    wanted = status;
    if (!inFlight && status != published) {
      send(true);
    }
  }

  private void send(boolean withDocument) {
    if (refresh != null) {
      refresh.cancel();
      refresh = null;
    }
    inFlight = true;
    PresenceStatus sending = withDocument ? wanted : published;
    List<SipHeader> headers = new ArrayList<>();
    headers.add(new SipHeader("Event", "presence"));
    headers.add(new SipHeader("Expires", Integer.toString(expiresSeconds)));
    entityTag.ifPresent(tag -> headers.add(new SipHeader("SIP-If-Match", tag)));
    owner.send(
        new OutgoingRequest(
            "PUBLISH",
            addressOfRecord,
            addressOfRecord,
            RequestIds.fresh(),
            headers,
            withDocument ? Optional.of(PresenceDocument.CONTENT_TYPE) : Optional.empty(),
            withDocument ? PresenceDocument.write(addressOfRecord, sending) : new byte[0]),
        outcome -> answered(outcome, withDocument, sending));
  }

  private void answered(RequestOutcome outcome, boolean withDocument, PresenceStatus sent) {
    inFlight = false;
    boolean hadTag = entityTag.isPresent();
    if (outcome.success()) {
      entityTag = outcome.header("SIP-ETag");
      int granted = Presence.seconds(outcome.header("Expires"), expiresSeconds);
      refresh = owner.schedule(Presence.refreshDelaySeconds(granted), () -> send(false));
      if (withDocument) {
        published = sent;
        owner.emit(new StatusPublished(sent));
      }
    } else if (outcome.statusCode() == 412 && hadTag) {
      // The server lost our publication (a restart): publish afresh (RFC 3903 §4.1).
      entityTag = Optional.empty();
      published = null;
    } else if (outcome.statusCode() == 423 && outcome.header("Min-Expires").isPresent()) {
      expiresSeconds = Presence.seconds(outcome.header("Min-Expires"), expiresSeconds);
      send(withDocument);
      return;
    } else {
      entityTag = Optional.empty();
      published = null;
      owner.emit(new PublishFailed(outcome.statusCode(), outcome.reasonPhrase()));
      return;
    }
    if (wanted != published) {
      send(true);
    }
  }
}
