package org.parley.core.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SipFragTest {

  @Test
  void readsTheStatusLineOfEachRfc3515Example() {
    assertThat(SipFrag.parse("SIP/2.0 100 Trying\r\n")).contains(new SipFrag(100, "Trying"));
    assertThat(SipFrag.parse("SIP/2.0 200 OK\r\n")).contains(new SipFrag(200, "OK"));
    assertThat(SipFrag.parse("SIP/2.0 503 Service Unavailable\r\n"))
        .contains(new SipFrag(503, "Service Unavailable"));
  }

  @Test
  void headersAfterTheStatusLineAndMissingReasonOrCrlfAreFine() {
    assertThat(SipFrag.parse("SIP/2.0 180 Ringing\r\nContact: <sip:c@h>\r\n\r\n"))
        .contains(new SipFrag(180, "Ringing"));
    assertThat(SipFrag.parse("SIP/2.0 486")).contains(new SipFrag(486, ""));
    assertThat(SipFrag.parse("\r\nSIP/2.0 603 Declined\n")).contains(new SipFrag(603, "Declined"));
  }

  @Test
  void anythingElseIsNoStatus() {
    assertThat(SipFrag.parse("")).isEmpty();
    assertThat(SipFrag.parse("INVITE sip:c@h SIP/2.0\r\n")).isEmpty();
    assertThat(SipFrag.parse("SIP/2.0 20 OK")).isEmpty();
    assertThat(SipFrag.parse("SIP/2.0 2x0 OK")).isEmpty();
    assertThat(SipFrag.parse("SIP/2.0 999 Huh")).isEmpty();
    assertThat(SipFrag.parse("SIP/2.0")).isEmpty();
    assertThat(SipFrag.parse("HTTP/1.1 200 OK")).isEmpty();
  }

  @Test
  void formatsAStatusLineAndKnowsWhichAreFinal() {
    assertThat(new SipFrag(180, "Ringing").format()).isEqualTo("SIP/2.0 180 Ringing\r\n");
    assertThat(new SipFrag(180, "Ringing").isFinal()).isFalse();
    assertThat(new SipFrag(200, "OK").isFinal()).isTrue();
    assertThat(new SipFrag(404, "Not Found").isFinal()).isTrue();
  }
}
