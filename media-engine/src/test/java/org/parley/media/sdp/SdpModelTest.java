package org.parley.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The model's builders, withers and guards. */
class SdpModelTest {

  private static final Origin ORIGIN = new Origin("-", "1", "1", "IN", "IP4", "192.0.2.1");

  @ParameterizedTest(name = "{0} answers {1}")
  @CsvSource({
    "SENDRECV, SENDRECV",
    "SENDONLY, RECVONLY",
    "RECVONLY, SENDONLY",
    "INACTIVE, INACTIVE"
  })
  void reversedDirectionIsTheRfc3264Answer(MediaDirection offer, MediaDirection answer) {
    assertThat(offer.reversed()).isEqualTo(answer);
  }

  @Test
  void directionAttributeNamesAreLowerCase() {
    assertThat(MediaDirection.fromAttributeName("sendonly")).contains(MediaDirection.SENDONLY);
    assertThat(MediaDirection.fromAttributeName("SENDONLY")).isEmpty();
  }

  @Test
  void withNextVersionIncrementsBeyondALong() {
    Origin origin = new Origin("-", "1", "9223372036854775807", "IN", "IP4", "192.0.2.1");

    assertThat(origin.withNextVersion().sessionVersion()).isEqualTo("9223372036854775808");
  }

  @Test
  void originOfAnIpv6AddressDropsTheScope() throws UnknownHostException {
    InetAddress address = InetAddress.getByName("fe80::1%1");

    Origin origin = Origin.of("parley", 5, 6, address);

    assertThat(origin.addressType()).isEqualTo("IP6");
    assertThat(origin.address()).isEqualTo("fe80:0:0:0:0:0:0:1");
  }

  @Test
  void builderDefaultsToAPermanentSessionNamedDash() {
    SessionDescription description = SessionDescription.builder().origin(ORIGIN).build();

    assertThat(description.sessionName()).isEqualTo("-");
    assertThat(description.timings()).containsExactly(Timing.PERMANENT);
    assertThat(description.version()).isZero();
  }

  @Test
  void withPortRejectsAStreamKeepingEverythingElse() {
    MediaDescription audio =
        MediaDescription.builder("audio", 4000, "RTP/AVP")
            .addFormat("0")
            .addAttribute(Attribute.of("rtcp-mux"))
            .build();

    MediaDescription rejected = audio.withPort(0);

    assertThat(rejected.isRejected()).isTrue();
    assertThat(rejected.toBuilder().port(4000).build()).isEqualTo(audio);
  }

  @Test
  void withMediaReplacesTheMediaDescriptions() {
    SessionDescription description = SessionDescription.builder().origin(ORIGIN).build();
    MediaDescription audio =
        MediaDescription.builder("audio", 4000, "RTP/AVP").addFormat("0").build();

    assertThat(description.withMedia(List.of(audio)).media()).containsExactly(audio);
    assertThat(description.media()).isEmpty();
  }

  @Test
  void modelListsCannotBeChangedFromOutside() {
    MediaDescription audio =
        MediaDescription.builder("audio", 4000, "RTP/AVP").addFormat("0").build();

    assertThatThrownBy(() -> audio.formats().add("8"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void valuesThatWouldInjectLinesAreRefused() {
    assertThatThrownBy(() -> Attribute.of("tool", "x\r\na=crypto:1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> SessionDescription.builder().origin(ORIGIN).sessionName("a\nb").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Connection.ip4("192.0.2.1 x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void attributeNamesMustBeTokens() {
    assertThatThrownBy(() -> Attribute.of("rtp map")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Attribute.of("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void portsOutsideTheUdpRangeAreRefused() {
    assertThatThrownBy(() -> MediaDescription.builder("audio", 65536, "RTP/AVP").build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyInformationAndKeyLinesBelongToAMediumsOtherLines() {
    assertThatThrownBy(
            () ->
                MediaDescription.builder("audio", 4000, "RTP/AVP")
                    .addOtherLine(new SdpLine('u', "https://example.com"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rtpMapWritesChannelsOnlyWhenNotOne() {
    assertThat(new RtpMap(96, "opus", 48000, 2).toAttribute().value()).isEqualTo("96 opus/48000/2");
    assertThat(new RtpMap(0, "PCMU", 8000, 1).toAttribute().value()).isEqualTo("0 PCMU/8000");
  }

  @Test
  void rtcpAttributeWithAnAddressStillGivesThePort() {
    MediaDescription audio =
        MediaDescription.builder("audio", 4000, "RTP/AVP")
            .addFormat("0")
            .addAttribute(Attribute.of("rtcp", "4005 IN IP4 192.0.2.7"))
            .build();

    assertThat(audio.rtcpPort()).hasValue(4005);
  }

  @Test
  void summaryLeavesOutAttributeValues() throws SdpParseException {
    SessionDescription offer = SdpParser.parse(SdpFixtures.SRTP_OFFER);

    assertThat(offer.toString())
        .contains("audio 8000 RTP/SAVP 0")
        .doesNotContain("inline")
        .doesNotContain("AES_CM");
  }
}
