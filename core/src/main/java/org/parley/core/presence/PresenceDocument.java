package org.parley.core.presence;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.parley.core.xml.SafeXml;
import org.w3c.dom.Element;

/**
 * PIDF documents (RFC 3863) with the RPID activities of RFC 4480: writes ours and reads the ones
 * notified for our buddies, including other clients' (any open tuple means online).
 *
 * @param status the status the document says
 * @param note the first {@code note}, empty when none
 */
public record PresenceDocument(PresenceStatus status, String note) {

  public static final String CONTENT_TYPE = "application/pidf+xml";
  public static final String PIDF = "urn:ietf:params:xml:ns:pidf";
  public static final String DATA_MODEL = "urn:ietf:params:xml:ns:pidf:data-model";
  public static final String RPID = "urn:ietf:params:xml:ns:pidf:rpid";

  /** The largest document read (our server accepts up to 8 KiB from publishers). */
  public static final int MAX_BYTES = 16_384;

  /** Our document for {@code entity} ({@code sip:user@domain}). */
  public static byte[] write(String entity, PresenceStatus status) {
    boolean open = status != PresenceStatus.OFFLINE;
    String activity =
        switch (status) {
          case AWAY -> "<rpid:away/>";
          case BUSY -> "<rpid:busy/>";
          case ON_THE_PHONE -> "<rpid:on-the-phone/>";
          default -> "";
        };
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<presence xmlns=\""
            + PIDF
            + "\" xmlns:dm=\""
            + DATA_MODEL
            + "\" xmlns:rpid=\""
            + RPID
            + "\" entity=\""
            + escape(entity)
            + "\">\n"
            + "  <tuple id=\"parley\"><status><basic>"
            + (open ? "open" : "closed")
            + "</basic></status></tuple>\n"
            + (activity.isEmpty()
                ? ""
                : "  <dm:person id=\"p\"><rpid:activities>"
                    + activity
                    + "</rpid:activities></dm:person>\n")
            + "</presence>\n";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a notified document.
   *
   * @throws IllegalArgumentException when it is not a PIDF presence document
   */
  public static PresenceDocument read(byte[] document) {
    Element root = SafeXml.root(document, MAX_BYTES, "PIDF");
    if (!SafeXml.is(root, PIDF, "presence")) {
      throw new IllegalArgumentException("The root element is not a PIDF presence element");
    }
    boolean open = false;
    String note = SafeXml.childText(root, PIDF, "note").orElse("");
    for (Element tuple : SafeXml.children(root, PIDF, "tuple")) {
      for (Element status : SafeXml.children(tuple, PIDF, "status")) {
        open |= SafeXml.childText(status, PIDF, "basic").filter("open"::equals).isPresent();
      }
      if (note.isEmpty()) {
        note = SafeXml.childText(tuple, PIDF, "note").orElse("");
      }
    }
    if (!open) {
      return new PresenceDocument(PresenceStatus.OFFLINE, note);
    }
    PresenceStatus status = PresenceStatus.AVAILABLE;
    for (Element person : SafeXml.children(root, DATA_MODEL, "person")) {
      if (note.isEmpty()) {
        note = SafeXml.childText(person, DATA_MODEL, "note").orElse("");
      }
      for (Element activities : SafeXml.children(person, RPID, "activities")) {
        status = strongest(status, SafeXml.elements(activities));
      }
    }
    return new PresenceDocument(status, note);
  }

  // A call outranks do-not-disturb, which outranks away: what a caller most needs to know.
  private static PresenceStatus strongest(PresenceStatus so, List<Element> activities) {
    PresenceStatus status = so;
    for (Element activity : activities) {
      if (!RPID.equals(activity.getNamespaceURI())) {
        continue;
      }
      Optional<PresenceStatus> named =
          switch (activity.getLocalName()) {
            case "on-the-phone" -> Optional.of(PresenceStatus.ON_THE_PHONE);
            case "busy" -> Optional.of(PresenceStatus.BUSY);
            case "away", "vacation", "sleeping", "appointment", "meeting", "travel" ->
                Optional.of(PresenceStatus.AWAY);
            default -> Optional.empty();
          };
      if (named.isPresent() && rank(named.get()) > rank(status)) {
        status = named.get();
      }
    }
    return status;
  }

  private static int rank(PresenceStatus status) {
    return switch (status) {
      case ON_THE_PHONE -> 3;
      case BUSY -> 2;
      case AWAY -> 1;
      default -> 0;
    };
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
