package org.parley.server.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PidfTest {

  private static final String BOB = "sip:bob@office.example";

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void acceptsAPidfDocumentForThePresentity() {
    Pidf.check(
        bytes(
            "<?xml version=\"1.0\"?><presence xmlns=\"urn:ietf:params:xml:ns:pidf\""
                + " entity=\"pres:bob@office.example\"><tuple id=\"a\"><status><basic>open"
                + "</basic></status></tuple></presence>"),
        BOB);
  }

  @Test
  void refusesADoctypeSoNoExternalEntityIsRead() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE presence [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:bob@office.example\">"
            + "<note>&x;</note></presence>";
    assertThatThrownBy(() -> Pidf.check(bytes(xxe), BOB))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void refusesMalformedXmlOtherRootsOtherEntitiesAndHugeDocuments() {
    assertThatThrownBy(() -> Pidf.check(bytes("<presence"), BOB))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Pidf.check(bytes("<presence xmlns=\"urn:other\"/>"), BOB))
        .hasMessageContaining("not a PIDF");
    assertThatThrownBy(
            () ->
                Pidf.check(
                    bytes(
                        "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\""
                            + " entity=\"sip:alice@office.example\"/>"),
                    BOB))
        .hasMessageContaining("alice");
    assertThatThrownBy(() -> Pidf.check(new byte[Pidf.MAX_BYTES + 1], BOB))
        .hasMessageContaining("larger");
  }

  @Test
  void closedDocumentIsValidPidfWithTheEntityEscaped() {
    byte[] closed = Pidf.closed(BOB);
    Pidf.check(closed, BOB);
    assertThat(new String(closed, StandardCharsets.UTF_8)).contains("<basic>closed</basic>");
  }
}
