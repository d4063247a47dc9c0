package org.parley.core.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReferToTest {

  @Test
  void aBlindTransferTargetIsTheUriInAngleBrackets() {
    ReferTo referTo = ReferTo.parse("<sip:carol@office.example>");

    assertThat(referTo.targetUri()).isEqualTo("sip:carol@office.example");
    assertThat(referTo.replaces()).isEmpty();
    assertThat(referTo.isSip()).isTrue();
  }

  @Test
  void aDisplayNameAndHeaderParametersAreSkipped() {
    ReferTo referTo = ReferTo.parse("\"Carol\" <sips:carol@office.example;transport=tls>;x=1");

    assertThat(referTo.targetUri()).isEqualTo("sips:carol@office.example;transport=tls");
    assertThat(referTo.isSip()).isTrue();
  }

  @Test
  void aBareUriEndsAtTheFirstSemicolon() {
    assertThat(ReferTo.parse("sip:carol@office.example;method=INVITE").targetUri())
        .isEqualTo("sip:carol@office.example");
  }

  @Test
  void theEmbeddedReplacesIsUnescaped() {
    // RFC 5589 §7.3 style: Replaces escaped inside the Refer-To URI.
    ReferTo referTo =
        ReferTo.parse(
            "<sip:carol@office.example?Replaces=090459243588173445%40a.example"
                + "%3Bto-tag%3D7553452%3Bfrom-tag%3D31431>");

    assertThat(referTo.targetUri()).isEqualTo("sip:carol@office.example");
    assertThat(referTo.replaces())
        .contains(new Replaces("090459243588173445@a.example", "7553452", "31431", false));
  }

  @Test
  void otherEmbeddedHeadersAreIgnored() {
    ReferTo referTo =
        ReferTo.parse("<sip:c@h?Require=replaces&replaces=x%3Bto-tag%3D1%3Bfrom-tag%3D2&Foo=bar>");

    assertThat(referTo.replaces()).contains(new Replaces("x", "1", "2", false));
  }

  @Test
  void formatEscapesReplacesSoItParsesBack() {
    ReferTo referTo =
        new ReferTo(
            "sip:carol@office.example", Optional.of(new Replaces("id@host", "t=1", "f;2", false)));

    String value = referTo.format();

    assertThat(value)
        .isEqualTo(
            "<sip:carol@office.example?Replaces=id%40host%3Bto-tag%3Dt%3D1%3Bfrom-tag%3Df%3B2>");
    assertThat(ReferTo.parse(value).replaces().orElseThrow().callId()).isEqualTo("id@host");
    assertThat(ReferTo.of("sip:bob@h").format()).isEqualTo("<sip:bob@h>");
  }

  @Test
  void nonSipTargetsParseButAreNotSip() {
    assertThat(ReferTo.parse("<tel:+15551234>").isSip()).isFalse();
    assertThat(ReferTo.parse("<https://example.com/x>").isSip()).isFalse();
    assertThat(ReferTo.parse("<SIP:bob@h>").isSip()).isTrue();
  }

  @Test
  void malformedValuesAreRefusedWithAClearMessage() {
    assertThatThrownBy(() -> ReferTo.parse("<sip:carol@office.example"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'>'");
    assertThatThrownBy(() -> ReferTo.parse("<>")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReferTo.parse("carol")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReferTo.parse("<sip:c@h?Replaces=x%3Bto-tag%3D1%3Bfrom-tag%3>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("escape");
    assertThatThrownBy(() -> ReferTo.parse("<sip:c@h?Replaces=x%zz>"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReferTo.parse("<sip:c@h?Replaces=onlyacallid>"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
