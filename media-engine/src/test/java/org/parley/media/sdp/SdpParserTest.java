package org.parley.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Reading well-formed and tolerably odd descriptions; malformed ones are in another class. */
class SdpParserTest {

  @Test
  void softphoneOfferHasItsOriginAndOneAudioStream() throws SdpParseException {
    SessionDescription offer = SdpParser.parse(SdpFixtures.SOFTPHONE_OFFER);

    assertThat(offer.origin())
        .isEqualTo(new Origin("alice", "3724394400", "3724394405", "IN", "IP4", "192.0.2.10"));
    assertThat(offer.sessionName()).isEqualTo("Talk");
    assertThat(offer.timing()).isEqualTo(Timing.PERMANENT);
    assertThat(offer.media()).hasSize(1);
    MediaDescription audio = offer.media().get(0);
    assertThat(audio.media()).isEqualTo("audio");
    assertThat(audio.port()).isEqualTo(7078);
    assertThat(audio.portCount()).isEqualTo(1);
    assertThat(audio.proto()).isEqualTo("RTP/AVP");
    assertThat(audio.formats()).containsExactly("96", "0", "8", "101");
  }

  @Test
  void softphoneOfferRtpmapsAreKeyedByPayloadTypeInOrder() throws SdpParseException {
    MediaDescription audio = SdpParser.parse(SdpFixtures.SOFTPHONE_OFFER).media().get(0);

    assertThat(audio.rtpmaps())
        .containsExactly(
            entry(new RtpMap(96, "opus", 48000, 2)),
            entry(new RtpMap(101, "telephone-event", 8000, 1)));
    assertThat(audio.fmtp(96)).contains("useinbandfec=1");
    assertThat(audio.fmtp(101)).contains("0-15");
    assertThat(audio.fmtp(0)).isEmpty();
  }

  @Test
  void softphoneOfferHasRtcpMuxRtcpPortAndDirection() throws SdpParseException {
    SessionDescription offer = SdpParser.parse(SdpFixtures.SOFTPHONE_OFFER);
    MediaDescription audio = offer.media().get(0);

    assertThat(audio.rtcpMux()).isTrue();
    assertThat(audio.rtcpPort()).isEqualTo(OptionalInt.of(7079));
    assertThat(audio.declaredDirection()).contains(MediaDirection.SENDRECV);
    assertThat(offer.effectiveConnection(audio)).contains(Connection.ip4("192.0.2.10"));
    assertThat(audio.attribute("ptime")).contains(Attribute.of("ptime", "20"));
  }

  @Test
  void unknownSessionAttributesAreKept() throws SdpParseException {
    SessionDescription offer = SdpParser.parse(SdpFixtures.SOFTPHONE_OFFER);

    assertThat(offer.attribute("rtcp-xr").flatMap(Attribute::optionalValue))
        .contains("rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics");
  }

  @Test
  void audioAndVideoOfferHasTwoStreamsWithTheirOwnDirections() throws SdpParseException {
    SessionDescription offer = SdpParser.parse(SdpFixtures.AUDIO_VIDEO_OFFER);
    MediaDescription audio = offer.media().get(0);
    MediaDescription video = offer.media().get(1);

    assertThat(offer.media()).extracting(MediaDescription::media).containsExactly("audio", "video");
    assertThat(offer.effectiveDirection(audio)).isEqualTo(MediaDirection.SENDRECV);
    assertThat(offer.effectiveDirection(video)).isEqualTo(MediaDirection.RECVONLY);
    assertThat(video.proto()).isEqualTo("RTP/AVPF");
    assertThat(video.bandwidths()).containsExactly(new Bandwidth("AS", 512));
    assertThat(video.rtpMap(102)).contains(new RtpMap(102, "H264", 90000, 1));
    assertThat(video.formatAttribute("rtcp-fb", "100")).contains("nack pli");
    assertThat(video.rtcpMux()).isFalse();
    assertThat(video.rtcpPort()).isEmpty();
  }

  @Test
  void ipv6ConnectionIsRead() throws SdpParseException {
    SessionDescription offer = SdpParser.parse(SdpFixtures.IPV6_OFFER);

    assertThat(offer.connection()).isEqualTo(Connection.ip6("2001:db8::1"));
    assertThat(offer.connection().isIp6()).isTrue();
    assertThat(offer.origin().addressType()).isEqualTo("IP6");
  }

  @Test
  void staticPayloadTypeWithoutRtpmapUsesTheRfc3551Assignment() throws SdpParseException {
    MediaDescription audio = SdpParser.parse(SdpFixtures.IPV6_OFFER).media().get(0);

    assertThat(audio.rtpmaps()).containsOnlyKeys(9);
    assertThat(audio.rtpMap(0)).contains(new RtpMap(0, "PCMU", 8000, 1));
    assertThat(audio.rtpMap(96)).isEmpty();
  }

  @Test
  void portZeroMarksARejectedStreamThatKeepsItsFormats() throws SdpParseException {
    SessionDescription answer = SdpParser.parse(SdpFixtures.REJECTED_VIDEO_ANSWER);

    assertThat(answer.media().get(0).isRejected()).isFalse();
    assertThat(answer.media().get(1).isRejected()).isTrue();
    assertThat(answer.media().get(1).formats()).containsExactly("31");
  }

  @Test
  void mediaLevelConnectionIsUsedWhenTheSessionHasNone() throws SdpParseException {
    SessionDescription description = SdpParser.parse(SdpFixtures.MEDIA_LEVEL_CONNECTIONS);

    assertThat(description.connection()).isNull();
    assertThat(description.media())
        .map(m -> description.effectiveConnection(m).orElseThrow().host())
        .containsExactly("192.0.2.34", "192.0.2.35");
  }

  @Test
  void mediaLevelConnectionOverridesTheSessionLevel() throws SdpParseException {
    SessionDescription description = SdpParser.parse(SdpFixtures.EVERY_LINE_TYPE);

    assertThat(description.effectiveConnection(description.media().get(0)))
        .contains(Connection.ip4("192.0.2.41"));
  }

  @Test
  void sessionLevelDirectionAppliesUnlessTheMediumHasItsOwn() throws SdpParseException {
    SessionDescription description =
        SdpParser.parse(
            SdpFixtures.lines(
                "v=0",
                "o=- 1 1 IN IP4 192.0.2.1",
                "s=-",
                "c=IN IP4 192.0.2.1",
                "t=0 0",
                "a=sendonly",
                "m=audio 4000 RTP/AVP 0",
                "m=audio 4002 RTP/AVP 0",
                "a=inactive"));

    assertThat(description.direction()).isEqualTo(MediaDirection.SENDONLY);
    assertThat(description.media())
        .map(description::effectiveDirection)
        .containsExactly(MediaDirection.SENDONLY, MediaDirection.INACTIVE);
  }

  @Test
  void directionDefaultsToSendrecv() throws SdpParseException {
    SessionDescription offer = SdpParser.parse(SdpFixtures.AUDIO_VIDEO_OFFER);

    assertThat(offer.direction()).isEqualTo(MediaDirection.SENDRECV);
    assertThat(offer.media().get(0).declaredDirection()).isEmpty();
  }

  @Test
  void everyLineTypeIsKept() throws SdpParseException {
    SessionDescription description = SdpParser.parse(SdpFixtures.EVERY_LINE_TYPE);
    MediaDescription audio = description.media().get(0);

    assertThat(description.otherLines())
        .extracting(SdpLine::type)
        .containsExactly('i', 'u', 'e', 'p', 'z', 'k');
    assertThat(description.timing())
        .isEqualTo(new Timing(3034423619L, 3042462419L, List.of("604800 3600 0 90000")));
    assertThat(description.bandwidths()).containsExactly(new Bandwidth("CT", 1024));
    assertThat(description.attribute("x-empty-value")).contains(new Attribute("x-empty-value", ""));
    assertThat(audio.portCount()).isEqualTo(2);
    assertThat(audio.otherLines())
        .containsExactly(new SdpLine('i', "main audio"), new SdpLine('k', "prompt"));
    assertThat(audio.rtcpPort()).isEqualTo(OptionalInt.of(53020));
    assertThat(audio.attribute("x-unknown").flatMap(Attribute::optionalValue))
        .contains("some value with spaces");
  }

  @Test
  void bareLineFeedsReadTheSameAsCrlf() throws SdpParseException {
    String lf = SdpFixtures.AUDIO_VIDEO_OFFER.replace("\r\n", "\n");

    assertThat(SdpParser.parse(lf)).isEqualTo(SdpParser.parse(SdpFixtures.AUDIO_VIDEO_OFFER));
  }

  @Test
  void blankLinesAndAMissingFinalLineEndAreTolerated() throws SdpParseException {
    String odd = "\r\n" + SdpFixtures.IPV6_OFFER.replace("t=0 0\r\n", "t=0 0\r\n\r\n").strip();

    assertThat(SdpParser.parse(odd)).isEqualTo(SdpParser.parse(SdpFixtures.IPV6_OFFER));
  }

  @Test
  void runsOfSpacesBetweenFieldsAreTolerated() throws SdpParseException {
    String spaced =
        SdpFixtures.IPV6_OFFER.replace("m=audio 5004 RTP/AVP", "m=audio  5004   RTP/AVP");

    assertThat(SdpParser.parse(spaced)).isEqualTo(SdpParser.parse(SdpFixtures.IPV6_OFFER));
  }

  @Test
  void missingTimingIsTakenAsPermanent() throws SdpParseException {
    SessionDescription description =
        SdpParser.parse(SdpFixtures.lines("v=0", "o=- 1 1 IN IP4 192.0.2.1", "s="));

    assertThat(description.timings()).containsExactly(Timing.PERMANENT);
    assertThat(description.sessionName()).isEmpty();
  }

  @Test
  void portZeroWithoutFormatsIsTolerated() throws SdpParseException {
    SessionDescription description =
        SdpParser.parse(
            SdpFixtures.lines("v=0", "o=- 1 1 IN IP4 192.0.2.1", "s=-", "m=video 0 RTP/AVP"));

    assertThat(description.media().get(0).formats()).isEmpty();
  }

  @Test
  void malformedRtpmapIsLeftOutOfTheMap() throws SdpParseException {
    MediaDescription audio =
        SdpParser.parse(
                SdpFixtures.lines(
                    "v=0",
                    "o=- 1 1 IN IP4 192.0.2.1",
                    "s=-",
                    "m=audio 4000 RTP/AVP 96 97 98",
                    "a=rtpmap:96 opus",
                    "a=rtpmap:x opus/48000",
                    "a=rtpmap:98 L16/16000/2"))
            .media()
            .get(0);

    assertThat(audio.rtpmaps()).containsOnlyKeys(98);
  }

  @Test
  void bytesAreReadAsUtf8() throws SdpParseException {
    String text = SdpFixtures.IPV6_OFFER.replace("s=-", "s=Café");

    SessionDescription description = SdpParser.parse(text.getBytes(StandardCharsets.UTF_8));

    assertThat(description.sessionName()).isEqualTo("Café");
  }

  @Test
  void bodyOfExactlyTheLimitIsAccepted() throws SdpParseException {
    String head = SdpFixtures.IPV6_OFFER;
    String filler = "a=x:" + "y".repeat(SdpParser.MAX_BODY_BYTES - head.length() - 6) + "\r\n";

    SessionDescription description = SdpParser.parse(head + filler);

    assertThat((head + filler).length()).isEqualTo(SdpParser.MAX_BODY_BYTES);
    assertThat(description.media().get(0).hasAttribute("x")).isTrue();
  }

  @Test
  void bodyOverTheLimitIsRejectedWithoutReadingIt() {
    byte[] body = new byte[SdpParser.MAX_BODY_BYTES + 1];

    assertThatThrownBy(() -> SdpParser.parse(body))
        .isInstanceOf(SdpParseException.class)
        .hasMessage("SDP body is over the limit of 65536 bytes")
        .extracting(e -> ((SdpParseException) e).lineNumber())
        .isEqualTo(0);
  }

  @Test
  void multiByteCharactersCountTowardsTheLimitInUtf8() {
    String text = SdpFixtures.IPV6_OFFER + "a=x:" + "é".repeat(SdpParser.MAX_BODY_BYTES / 2);

    assertThatThrownBy(() -> SdpParser.parse(text))
        .hasMessage("SDP body is over the limit of 65536 bytes");
  }

  private static Map.Entry<Integer, RtpMap> entry(RtpMap map) {
    return Map.entry(map.payloadType(), map);
  }
}
