package org.parley.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed descriptions fail with a message that names the line and the problem. */
class SdpParserMalformedTest {

  private static final String V = "v=0";
  private static final String O = "o=- 1 1 IN IP4 192.0.2.1";
  private static final String S = "s=-";
  private static final String C = "c=IN IP4 192.0.2.1";
  private static final String T = "t=0 0";
  private static final String M = "m=audio 4000 RTP/AVP 0";

  static Stream<Arguments> malformed() {
    return Stream.of(
        // The three lines that must come first, in order.
        raw("line 1: missing v= line", ""),
        raw("line 3: missing v= line", "\r\n\n"),
        bad("line 2: missing o= line", V),
        bad("line 3: missing s= line", V, O),
        bad("line 1: expected v= but found o=", O, V, S),
        bad("line 2: expected o= but found s=", V, S, O),
        bad("line 3: expected s= but found t=", V, O, T),
        bad("line 1: unsupported SDP version '1', expected 0", "v=1", O, S),
        bad("line 4: duplicate o= line", V, O, S, O),
        bad("line 5: duplicate v= line", V, O, S, T, V),
        // Line shape and type.
        bad("line 4: expected <type>=<value>", V, O, S, "hello"),
        bad("line 4: expected <type>=<value>", V, O, S, "a"),
        bad("line 4: expected <type>=<value>", V, O, S, "a = b"),
        bad("line 4: unknown line type 'x'", V, O, S, "x=anything"),
        bad("line 4: unknown line type 'A'", V, O, S, "A=rtcp-mux"),
        bad("line 4: unknown line type '?'", V, O, S, "\u00e9=accent"),
        bad("line 4: carriage return inside a line", V, O, S, "a=one\rtwo"),
        bad("line 4: NUL character", V, O, S, "a=one\0two"),
        // o=, c=, b=, t=, r=.
        bad(
            "line 2: o= needs 6 fields (username sess-id sess-version nettype addrtype"
                + " unicast-address), found 5",
            V,
            "o=- 1 1 IN IP4",
            S),
        bad(
            "line 2: o= needs 6 fields (username sess-id sess-version nettype addrtype"
                + " unicast-address), found 0",
            V,
            "o=",
            S),
        bad(
            "line 4: c= needs 3 fields (nettype addrtype connection-address), found 2",
            V,
            O,
            S,
            "c=IN IP4"),
        bad("line 5: second c= line in one section", V, O, S, C, C),
        bad("line 7: second c= line in one section", V, O, S, T, M, C, C),
        bad("line 4: b= needs <bwtype>:<bandwidth>", V, O, S, "b=AS"),
        bad("line 4: b= needs <bwtype>:<bandwidth>", V, O, S, "b=:64"),
        bad("line 4: b= bandwidth 'fast' is not a number", V, O, S, "b=AS:fast"),
        bad("line 4: b= bandwidth '-1' is not a number", V, O, S, "b=AS:-1"),
        bad("line 4: t= needs 2 fields (start-time stop-time), found 1", V, O, S, "t=0"),
        bad("line 4: t= start time 'now' is not a number", V, O, S, "t=now 0"),
        bad("line 4: t= stop time 'later' is not a number", V, O, S, "t=0 later"),
        bad("line 4: r= must follow a t= line", V, O, S, "r=7d 1h 0"),
        // Attributes.
        bad("line 5: attribute without a name", V, O, S, T, "a="),
        bad("line 5: attribute without a name", V, O, S, T, "a=:value"),
        bad("line 5: attribute name is not a token", V, O, S, T, "a=rtp map:0 PCMU/8000"),
        // m=.
        bad(
            "line 5: m= needs <media> <port> <proto> <fmt>..., found 2 fields",
            V,
            O,
            S,
            T,
            "m=audio 4000"),
        bad("line 5: m= needs <media> <port> <proto> <fmt>..., found 0 fields", V, O, S, T, "m="),
        bad("line 5: m= line has no formats", V, O, S, T, "m=audio 4000 RTP/AVP"),
        bad("line 5: m= port 'abc' is not a number", V, O, S, T, "m=audio abc RTP/AVP 0"),
        bad("line 5: m= port '-1' is not a number", V, O, S, T, "m=audio -1 RTP/AVP 0"),
        bad("line 5: m= port '' is not a number", V, O, S, T, "m=audio /2 RTP/AVP 0"),
        bad(
            "line 5: m= port '70000' is out of range 0-65535",
            V,
            O,
            S,
            T,
            "m=audio 70000 RTP/AVP 0"),
        bad(
            "line 5: m= port '123456789012345678901234...' is out of range 0-65535",
            V,
            O,
            S,
            T,
            "m=audio 1234567890123456789012345678 RTP/AVP 0"),
        bad(
            "line 5: m= port count '0' is not a positive number",
            V,
            O,
            S,
            T,
            "m=audio 4000/0 RTP/AVP 0"),
        bad(
            "line 5: m= port count 'two' is not a positive number",
            V,
            O,
            S,
            T,
            "m=audio 4000/two RTP/AVP 0"),
        // Session-level lines after the first m= line.
        bad(
            "line 6: t= is a session-level line and must come before the first m= line",
            V,
            O,
            S,
            T,
            M,
            T),
        bad(
            "line 6: u= is a session-level line and must come before the first m= line",
            V,
            O,
            S,
            T,
            M,
            "u=https://example.com"),
        bad(
            "line 6: o= is a session-level line and must come before the first m= line",
            V,
            O,
            S,
            T,
            M,
            O),
        bad(
            "line 6: z= is a session-level line and must come before the first m= line",
            V,
            O,
            S,
            T,
            M,
            "z=0 0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedInputFailsWithAMessageNamingLineAndProblem(String expected, String sdp) {
    SdpParseException error =
        catchThrowableOfType(SdpParseException.class, () -> SdpParser.parse(sdp));

    assertThat(error).as("parse result for:%n%s", sdp).isNotNull();
    assertThat(error).hasMessage(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void lineNumberIsAlsoAvailableAsAField(String expected, String sdp) {
    SdpParseException error =
        catchThrowableOfType(SdpParseException.class, () -> SdpParser.parse(sdp));

    assertThat(expected).startsWith("line " + error.lineNumber() + ": ");
  }

  @Test
  void lineNumbersCountBlankLines() {
    String sdp = SdpFixtures.lines(V, "", O, "", S, "m=audio x RTP/AVP 0");

    assertThat(catchThrowableOfType(SdpParseException.class, () -> SdpParser.parse(sdp)))
        .hasMessage("line 6: m= port 'x' is not a number");
  }

  @Test
  void aMalformedCryptoAttributeDoesNotPutItsKeyInTheMessage() {
    String sdp =
        SdpFixtures.lines(
            V, O, S, T, M, "a=crypto 1 AES_CM_128_HMAC_SHA1_80 inline:U0VDUkVUU0VDUkVUU0VDUkVU");

    assertThat(catchThrowableOfType(SdpParseException.class, () -> SdpParser.parse(sdp)))
        .hasMessage("line 6: attribute name is not a token")
        .message()
        .doesNotContain("inline");
  }

  @Test
  void longFieldsAreShortenedInTheMessage() {
    String sdp = SdpFixtures.lines(V, O, S, "b=AS:" + "9x".repeat(100));

    assertThat(catchThrowableOfType(SdpParseException.class, () -> SdpParser.parse(sdp)))
        .hasMessage("line 4: b= bandwidth '9x9x9x9x9x9x9x9x9x9x9x9x...' is not a number");
  }

  /** One case: the expected message and the SDP lines (CRLF-joined). */
  private static Arguments bad(String expectedMessage, String... lines) {
    return Arguments.of(expectedMessage, SdpFixtures.lines(lines));
  }

  /** One case: the expected message and the body exactly as given. */
  private static Arguments raw(String expectedMessage, String body) {
    return Arguments.of(expectedMessage, body);
  }
}
