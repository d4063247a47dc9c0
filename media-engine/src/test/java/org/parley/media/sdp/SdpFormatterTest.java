package org.parley.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SdpFormatterTest {

  static Stream<String> fixtures() {
    return SdpFixtures.ALL.keySet().stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void canonicalTextRoundTripsByteForByte(String fixtureName) throws SdpParseException {
    String text = SdpFixtures.ALL.get(fixtureName);

    assertThat(SdpParser.parse(text).format()).isEqualTo(text);
  }

  @Test
  void bareLineFeedsAreWrittenAsCrlf() throws SdpParseException {
    String lf = SdpFixtures.SOFTPHONE_OFFER.replace("\r\n", "\n");

    assertThat(SdpParser.parse(lf).format()).isEqualTo(SdpFixtures.SOFTPHONE_OFFER);
  }

  @Test
  void linesParsedOutOfOrderAreWrittenInRfcOrder() throws SdpParseException {
    String scrambled =
        SdpFixtures.lines(
            "v=0",
            "o=- 1 1 IN IP4 192.0.2.1",
            "s=-",
            "a=tool:x",
            "k=prompt",
            "t=0 0",
            "i=info",
            "c=IN IP4 192.0.2.1",
            "m=audio 4000 RTP/AVP 0",
            "a=sendrecv",
            "k=prompt",
            "c=IN IP4 192.0.2.2",
            "i=audio");

    assertThat(SdpParser.parse(scrambled).format())
        .isEqualTo(
            SdpFixtures.lines(
                "v=0",
                "o=- 1 1 IN IP4 192.0.2.1",
                "s=-",
                "i=info",
                "c=IN IP4 192.0.2.1",
                "t=0 0",
                "k=prompt",
                "a=tool:x",
                "m=audio 4000 RTP/AVP 0",
                "i=audio",
                "c=IN IP4 192.0.2.2",
                "k=prompt",
                "a=sendrecv"));
  }

  @Test
  void builtDescriptionIsWrittenAsExpected() {
    SessionDescription description =
        SessionDescription.builder()
            .origin(new Origin("parley", "42", "42", "IN", "IP4", "192.0.2.9"))
            .connection(Connection.ip4("192.0.2.9"))
            .addMedia(
                MediaDescription.builder("audio", 10000, "RTP/AVP")
                    .addFormat("0")
                    .addFormat("101")
                    .addAttribute(new RtpMap(101, "telephone-event", 8000, 1).toAttribute())
                    .addAttribute(Attribute.of("fmtp", "101 0-15"))
                    .addAttribute(MediaDirection.RECVONLY.toAttribute())
                    .addAttribute(Attribute.of("rtcp-mux"))
                    .build())
            .build();

    assertThat(description.format())
        .isEqualTo(
            SdpFixtures.lines(
                "v=0",
                "o=parley 42 42 IN IP4 192.0.2.9",
                "s=-",
                "c=IN IP4 192.0.2.9",
                "t=0 0",
                "m=audio 10000 RTP/AVP 0 101",
                "a=rtpmap:101 telephone-event/8000",
                "a=fmtp:101 0-15",
                "a=recvonly",
                "a=rtcp-mux"));
  }

  @Test
  void portCountIsWrittenOnlyWhenNotOne() {
    MediaDescription one =
        MediaDescription.builder("audio", 4000, "RTP/AVP").addFormat("0").build();
    MediaDescription two = one.toBuilder().portCount(2).build();

    assertThat(one.mLineValue()).isEqualTo("audio 4000 RTP/AVP 0");
    assertThat(two.mLineValue()).isEqualTo("audio 4000/2 RTP/AVP 0");
  }
}
