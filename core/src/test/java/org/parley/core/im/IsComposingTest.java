package org.parley.core.im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IsComposingTest {

  private static IsComposing parse(String xml) {
    return IsComposing.parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void ourActiveDocumentReadsBackActiveWithOurRefresh() {
    IsComposing state = IsComposing.parse(IsComposing.document(true));

    assertThat(state).isEqualTo(new IsComposing(true, IsComposing.OUR_REFRESH));
    assertThat(new String(IsComposing.document(true), StandardCharsets.UTF_8))
        .contains("<state>active</state>", "<refresh>60</refresh>");
  }

  @Test
  void ourIdleDocumentHasNoRefresh() {
    String xml = new String(IsComposing.document(false), StandardCharsets.UTF_8);

    assertThat(xml).contains("<state>idle</state>").doesNotContain("refresh");
    assertThat(IsComposing.parse(IsComposing.document(false)).active()).isFalse();
  }

  @Test
  void theRfcExampleParsesWithItsRefresh() {
    // RFC 3994 §6, the first example, with a prefix on the namespace.
    IsComposing state =
        parse(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<c:isComposing xmlns:c=\"urn:ietf:params:xml:ns:im-iscomposing\">\n"
                + "  <c:state>active</c:state>\n"
                + "  <c:contenttype>text/plain</c:contenttype>\n"
                + "  <c:refresh>90</c:refresh>\n"
                + "</c:isComposing>");

    assertThat(state).isEqualTo(new IsComposing(true, Duration.ofSeconds(90)));
  }

  @Test
  void activeWithoutRefreshLastsTheDefaultTwoMinutes() {
    IsComposing state =
        parse(
            "<isComposing xmlns=\"urn:ietf:params:xml:ns:im-iscomposing\">"
                + "<state>active</state></isComposing>");

    assertThat(state.refresh()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void anExternalEntityIsRefusedNotFetched() {
    String xxe =
        "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE isComposing [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
            + "<isComposing xmlns=\"urn:ietf:params:xml:ns:im-iscomposing\">"
            + "<state>&x;</state></isComposing>";

    assertThatThrownBy(() -> parse(xxe))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void entityExpansionIsRefused() {
    String laughs =
        "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
            + "<isComposing xmlns=\"urn:ietf:params:xml:ns:im-iscomposing\">"
            + "<state>&b;</state></isComposing>";

    assertThatThrownBy(() -> parse(laughs)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnknownStateWrongNamespaceOrTruncatedDocumentIsRefused() {
    assertThatThrownBy(
            () ->
                parse(
                    "<isComposing xmlns=\"urn:ietf:params:xml:ns:im-iscomposing\">"
                        + "<state>typing</state></isComposing>"))
        .hasMessageContaining("active or idle");
    assertThatThrownBy(() -> parse("<isComposing><state>active</state></isComposing>"))
        .hasMessageContaining("not isComposing");
    assertThatThrownBy(
            () -> parse("<isComposing xmlns=\"urn:ietf:params:xml:ns:im-iscomposing\"><sta"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anOversizedDocumentIsRefusedBeforeParsing() {
    byte[] big = new byte[IsComposing.MAX_BYTES + 1];

    assertThatThrownBy(() -> IsComposing.parse(big)).hasMessageContaining("larger than");
  }
}
