package org.parley.core.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PresenceDocumentTest {

  private static PresenceDocument read(String xml) {
    return PresenceDocument.read(xml.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @EnumSource(PresenceStatus.class)
  void everyStatusWeWriteReadsBackTheSame(PresenceStatus status) {
    byte[] document = PresenceDocument.write("sip:alice@office.example", status);

    assertThat(PresenceDocument.read(document).status()).isEqualTo(status);
  }

  @Test
  void ourDocumentIsPidfWithAnRpidActivity() {
    String xml =
        new String(
            PresenceDocument.write("sip:alice@office.example", PresenceStatus.ON_THE_PHONE),
            StandardCharsets.UTF_8);

    assertThat(xml)
        .contains("xmlns=\"urn:ietf:params:xml:ns:pidf\"")
        .contains("entity=\"sip:alice@office.example\"")
        .contains("<basic>open</basic>")
        .contains("<rpid:activities><rpid:on-the-phone/></rpid:activities>");
  }

  @Test
  void appearingOfflineIsAClosedTupleWithNoActivity() {
    String xml =
        new String(
            PresenceDocument.write("sip:alice@office.example", PresenceStatus.OFFLINE),
            StandardCharsets.UTF_8);

    assertThat(xml).contains("<basic>closed</basic>").doesNotContain("activities");
  }

  @Test
  void anotherClientsDocumentWithANoteAndDndIsBusy() {
    // The shape RFC 4480 §3 shows, with prefixes and a tuple note.
    PresenceDocument document =
        read(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<p:presence xmlns:p=\"urn:ietf:params:xml:ns:pidf\""
                + " xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
                + " xmlns:r=\"urn:ietf:params:xml:ns:pidf:rpid\" entity=\"pres:bob@example.com\">"
                + "<p:tuple id=\"t1\"><p:status><p:basic>open</p:basic></p:status>"
                + "<p:note>In the lab</p:note></p:tuple>"
                + "<dm:person id=\"p1\"><r:activities><r:busy/><r:away/></r:activities>"
                + "</dm:person></p:presence>");

    assertThat(document).isEqualTo(new PresenceDocument(PresenceStatus.BUSY, "In the lab"));
  }

  @Test
  void anyOpenTupleMeansOnlineAndNoOpenTupleMeansOffline() {
    String twoTuples =
        "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:b@x\">"
            + "<tuple id=\"desk\"><status><basic>closed</basic></status></tuple>"
            + "<tuple id=\"mobile\"><status><basic>%s</basic></status></tuple></presence>";

    assertThat(read(String.format(twoTuples, "open")).status()).isEqualTo(PresenceStatus.AVAILABLE);
    assertThat(read(String.format(twoTuples, "closed")).status()).isEqualTo(PresenceStatus.OFFLINE);
  }

  @Test
  void anExternalEntityIsRefused() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE presence [<!ENTITY x SYSTEM \"file:///etc/hosts\">]>"
            + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"><tuple id=\"t\"><status>"
            + "<basic>&x;</basic></status></tuple></presence>";

    assertThatThrownBy(() -> read(xxe))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void aDocumentThatIsNotPidfIsRefused() {
    assertThatThrownBy(() -> read("<presence><tuple/></presence>"))
        .hasMessageContaining("not a PIDF presence element");
    assertThatThrownBy(() -> read("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"><tup"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
