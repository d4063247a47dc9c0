package org.parley.server.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.media.sdp.Attribute;
import org.parley.media.sdp.MediaDescription;
import org.parley.media.sdp.MediaDirection;
import org.parley.media.sdp.Origin;
import org.parley.media.sdp.SdpParseException;
import org.parley.media.sdp.SdpParser;
import org.parley.media.sdp.SessionDescription;

/** The answer is built against a binder that hands out fixed ports and records its calls. */
class EchoAnswerTest {

  private static final InetAddress LOCAL = address("192.0.2.200");

  private final List<String> bound = new ArrayList<>();
  private int nextPort = 20000;

  private final EchoAnswer.StreamBinder binder =
      (offered, rtcpMux) -> {
        bound.add(offered.media() + (rtcpMux ? " mux" : ""));
        int port = nextPort;
        nextPort += 2;
        return new EchoAnswer.StreamPorts(port, rtcpMux ? port : port + 1);
      };

  @Test
  void audioIsAcceptedWithTheOfferedCodecsInOfferedOrder() throws Exception {
    SessionDescription answer = answer(EchoOffers.SOFTPHONE).orElseThrow();

    // The origin is fresh for every answer; pin it to compare the rest as text.
    Origin origin = answer.origin();
    assertThat(
            answer.withOrigin(new Origin("parley", "1", "1", "IN", "IP4", "192.0.2.200")).format())
        .isEqualTo(
            EchoOffers.lines(
                "v=0",
                "o=parley 1 1 IN IP4 192.0.2.200",
                "s=-",
                "c=IN IP4 192.0.2.200",
                "t=0 0",
                "m=audio 20000 RTP/AVP 96 0 8 101",
                "a=rtpmap:96 opus/48000/2",
                "a=fmtp:96 useinbandfec=1;stereo=0",
                "a=rtpmap:101 telephone-event/8000",
                "a=fmtp:101 0-16",
                "a=ptime:20",
                "a=sendrecv",
                "a=rtcp-mux"));
    assertThat(origin.username()).isEqualTo("parley");
    assertThat(origin.address()).isEqualTo("192.0.2.200");
    assertThat(origin.sessionId()).containsOnlyDigits();
  }

  @Test
  void binderIsAskedForOneMuxedPortWhenRtcpMuxIsOffered() throws Exception {
    answer(EchoOffers.SOFTPHONE);

    assertThat(bound).containsExactly("audio mux");
  }

  @Test
  void withoutRtcpMuxTheAnswerNamesTheRtcpPort() throws Exception {
    MediaDescription audio = answer(EchoOffers.PLAIN_PHONE).orElseThrow().media().get(0);

    assertThat(audio.rtcpMux()).isFalse();
    assertThat(audio.rtcpPort()).hasValue(20001);
    assertThat(audio.formats()).containsExactly("0", "8", "101");
  }

  @ParameterizedTest(name = "offer {0} → answer {1}")
  @CsvSource({
    "sendrecv, SENDRECV",
    "sendonly, RECVONLY",
    "recvonly, SENDONLY",
    "inactive, INACTIVE"
  })
  void directionIsAnsweredPerRfc3264(String offered, MediaDirection expected) throws Exception {
    String offer = EchoOffers.PLAIN_PHONE.replace("a=ptime:20", "a=" + offered);

    MediaDescription audio = answer(offer).orElseThrow().media().get(0);

    assertThat(audio.declaredDirection()).contains(expected);
  }

  @Test
  void sessionLevelDirectionOfTheOfferIsAnsweredPerStream() throws Exception {
    String offer = EchoOffers.PLAIN_PHONE.replace("t=0 0\r\n", "t=0 0\r\na=sendonly\r\n");

    SessionDescription answer = answer(offer).orElseThrow();

    assertThat(answer.media().get(0).declaredDirection()).contains(MediaDirection.RECVONLY);
    assertThat(answer.attributes()).isEmpty();
  }

  @Test
  void srtpIsRejectedWithPortZeroKeepingItsFormats() throws Exception {
    SessionDescription answer = answer(EchoOffers.SRTP_THEN_RTP).orElseThrow();

    MediaDescription srtp = answer.media().get(0);
    assertThat(srtp.port()).isZero();
    assertThat(srtp.proto()).isEqualTo("RTP/SAVP");
    assertThat(srtp.formats()).containsExactly("0", "8");
    assertThat(srtp.attributes()).isEmpty();
    assertThat(answer.media().get(1).port()).isEqualTo(20000);
  }

  @Test
  void onlySrtpOnOfferIsSignalledAsNothingAcceptable() throws Exception {
    String srtpOnly =
        EchoOffers.SRTP_THEN_RTP.substring(0, EchoOffers.SRTP_THEN_RTP.indexOf("m=audio 6002"));

    assertThat(answer(srtpOnly)).isEmpty();
    assertThat(bound).isEmpty();
  }

  @Test
  void nothingAcceptableIsSignalledWithoutBindingAnything() throws Exception {
    assertThat(answer(EchoOffers.NOTHING_ECHOABLE)).isEmpty();
    assertThat(bound).isEmpty();
  }

  @Test
  void onlyTheFirstAudioAndFirstVideoAreAccepted() throws Exception {
    SessionDescription answer = answer(EchoOffers.TWO_OF_EACH).orElseThrow();

    assertThat(answer.media())
        .extracting(m -> m.media() + " " + m.port())
        .containsExactly("audio 20000", "audio 0", "video 20002", "video 0");
    assertThat(bound).containsExactly("audio", "video");
  }

  @Test
  void videoWithFeedbackKeepsItsRtcpFbLines() throws Exception {
    MediaDescription video = answer(EchoOffers.TWO_OF_EACH).orElseThrow().media().get(2);

    assertThat(video.proto()).isEqualTo("RTP/AVPF");
    assertThat(video.attributes("rtcp-fb"))
        .extracting(Attribute::value)
        .containsExactly("96 nack", "96 nack pli");
  }

  @Test
  void answerHasOneMediaLinePerOfferedLineInOrder() throws Exception {
    SessionDescription offer = SdpParser.parse(EchoOffers.WITH_APPLICATION);

    SessionDescription answer = EchoAnswer.answer(offer, LOCAL, binder).orElseThrow();

    assertThat(answer.media())
        .extracting(m -> m.media() + " " + m.proto() + " " + m.formats())
        .containsExactlyElementsOf(
            offer.media().stream()
                .map(m -> m.media() + " " + m.proto() + " " + m.formats())
                .toList());
    assertThat(answer.media().get(1).port()).isZero();
  }

  @Test
  void offeredStreamWithPortZeroStaysRejected() throws Exception {
    SessionDescription answer = answer(EchoOffers.WITH_DISABLED_VIDEO).orElseThrow();

    assertThat(answer.media().get(1).isRejected()).isTrue();
    assertThat(bound).containsExactly("audio");
  }

  @Test
  void iceAndKeyAttributesAreNotEchoed() throws Exception {
    MediaDescription audio = answer(EchoOffers.WITH_ICE).orElseThrow().media().get(0);

    assertThat(audio.attributes())
        .extracting(Attribute::name)
        .containsExactly("rtpmap", "sendrecv", "rtcp");
  }

  @Test
  void ipv6LocalAddressIsWrittenAsIp6() throws Exception {
    SessionDescription offer = SdpParser.parse(EchoOffers.PLAIN_PHONE);

    SessionDescription answer =
        EchoAnswer.answer(offer, address("2001:db8::200"), binder).orElseThrow();

    assertThat(answer.connection().addressType()).isEqualTo("IP6");
    assertThat(answer.connection().address()).isEqualTo("2001:db8:0:0:0:0:0:200");
    assertThat(answer.origin().addressType()).isEqualTo("IP6");
  }

  @Test
  void answerTextParsesBackToTheSameAnswer() throws Exception {
    SessionDescription answer = answer(EchoOffers.TWO_OF_EACH).orElseThrow();

    assertThat(SdpParser.parse(answer.format())).isEqualTo(answer);
  }

  @Test
  void wildcardLocalAddressIsRefused() throws SdpParseException {
    SessionDescription offer = SdpParser.parse(EchoOffers.PLAIN_PHONE);

    assertThatThrownBy(() -> EchoAnswer.answer(offer, address("0.0.0.0"), binder))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void binderFailureIsPassedOn() throws SdpParseException {
    SessionDescription offer = SdpParser.parse(EchoOffers.PLAIN_PHONE);

    assertThatThrownBy(
            () ->
                EchoAnswer.answer(
                    offer,
                    LOCAL,
                    (offered, rtcpMux) -> {
                      throw new IOException("no ports");
                    }))
        .isInstanceOf(IOException.class)
        .hasMessage("no ports");
  }

  private Optional<SessionDescription> answer(String offer) throws Exception {
    return EchoAnswer.answer(SdpParser.parse(offer), LOCAL, binder);
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (IOException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }
}
