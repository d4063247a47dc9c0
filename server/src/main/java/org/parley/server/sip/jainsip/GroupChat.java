package org.parley.server.sip.jainsip;

import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import javax.sip.RequestEvent;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.registrar.LocationService;
import org.parley.server.store.StoreException;

/**
 * Group chat rooms: a MESSAGE from a member to {@code sip:room@domain} is relayed to every other
 * member as a MESSAGE whose From is the room, with the original sender's address-of-record as the
 * From display name ({@code "sip:alice@domain" <sip:team@domain>}), so the body reaches members
 * unchanged. Each member's copy goes through the offline message store: it is on disk before the
 * 202, sent at once to members with contacts, and to the others when they register.
 */
final class GroupChat {

  private final SipContext sip;
  private final Responses responses;
  private final OfflineMessages offline;
  private final LocationService locations;
  private volatile ChatRooms rooms = ChatRooms.NONE;

  GroupChat(
      SipContext sip, Responses responses, OfflineMessages offline, LocationService locations) {
    this.sip = sip;
    this.responses = responses;
    this.offline = offline;
    this.locations = locations;
  }

  void rooms(ChatRooms chatRooms) {
    this.rooms = chatRooms;
  }

  /** The members of the room {@code target} names, or empty when it names no room. */
  Optional<List<String>> members(SipURI target) throws StoreException {
    return rooms.members(target.getUser());
  }

  /** Relays a request to a room from {@code caller} (empty when it is not one of our users). */
  void handle(RequestEvent event, SipURI room, List<String> members, Optional<String> caller) {
    Request request = event.getRequest();
    if (!Request.MESSAGE.equals(request.getMethod())) {
      Response response = responses.create(request, Response.METHOD_NOT_ALLOWED, null);
      try {
        response.addHeader(sip.headers().createAllowHeader(Request.MESSAGE));
      } catch (ParseException e) {
        throw new IllegalStateException("MESSAGE is a valid method name", e);
      }
      responses.sendStateless(response);
      return;
    }
    if (caller.isEmpty() || !members.contains(caller.get())) {
      responses.sendStateless(
          request, Response.FORBIDDEN, "Only the room's members may send to it");
      return;
    }
    if (!offline.keeps(request)) {
      // Typing indications are not relayed: every member would hear of every keystroke.
      responses.sendStateless(request, Response.OK, "Not relayed to the room");
      return;
    }
    String senderAor = "sip:" + caller.get() + "@" + sip.domain();
    List<String> recipients =
        members.stream()
            .filter(member -> !member.equals(caller.get()))
            .map(member -> "sip:" + member + "@" + sip.domain())
            .toList();
    offline.keepCopies(
        event,
        recipients,
        roomAddress(room, senderAor),
        () -> recipients.forEach(aor -> offline.deliver(aor, locations.lookup(aor))));
  }

  private String roomAddress(SipURI room, String senderAor) {
    try {
      Address address =
          sip.addresses().createAddress(sip.addresses().createSipURI(room.getUser(), sip.domain()));
      address.setDisplayName(senderAor);
      return address.toString();
    } catch (ParseException e) {
      throw new IllegalStateException("A room name that routed here no longer parses", e);
    }
  }
}
