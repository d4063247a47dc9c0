package org.parley.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.call.SdpOfferAnswer.Negotiated;
import org.parley.media.codec.AudioCodec;
import org.parley.media.codec.G711Codec;
import org.parley.media.codec.OpusEncoderSettings;
import org.parley.media.ffmpeg.FfmpegCodecs;
import org.parley.media.ffmpeg.G722Codec;
import org.parley.media.ffmpeg.OpusCodec;
import org.parley.media.sdp.MediaDirection;
import org.parley.media.sdp.SdpParser;
import org.parley.media.sdp.SessionDescription;

class SdpOfferAnswerTest {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @Test
  void offerListsOurCodecsInPreferenceOrderWithTelephoneEventPerClockRate() {
    String offer =
        SdpOfferAnswer.offer(
                LOOPBACK,
                40_000,
                List.of(new G722Codec(), G711Codec.PCMU),
                MediaDirection.SENDRECV,
                7,
                1)
            .format();

    // G.722's RTP clock is 8000 (RFC 3551 §4.5.2), like PCMU's: one telephone-event suffices.
    assertThat(offer)
        .contains("m=audio 40000 RTP/AVP 9 0 96\r\n")
        .contains("a=rtpmap:9 G722/8000\r\n")
        .contains("a=rtpmap:96 telephone-event/8000\r\n")
        .contains("a=fmtp:96 0-16\r\n")
        .contains("a=rtcp-mux\r\n")
        .contains("a=sendrecv\r\n")
        .contains("c=IN IP4 127.0.0.1\r\n");
  }

  @Test
  void answererTakesTheFirstOfferedCodecItHasAndTheMatchingTelephoneEvent() throws Exception {
    SessionDescription offer =
        SdpParser.parse(
            "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                + "m=audio 5004 RTP/AVP 18 8 0 101 102\r\n"
                + "a=rtpmap:101 telephone-event/48000\r\na=rtpmap:102 telephone-event/8000\r\n"
                + "a=sendonly\r\n");

    Negotiated chosen =
        SdpOfferAnswer.choose(offer, List.of(G711Codec.PCMU, G711Codec.PCMA)).orElseThrow();

    assertThat(chosen.codecName()).isEqualTo("PCMA");
    assertThat(chosen.settings().payloadType()).isEqualTo(8);
    assertThat(chosen.settings().telephoneEventPayloadType()).isEqualTo(102);
    assertThat(chosen.peerDirection()).isEqualTo(MediaDirection.SENDONLY);
    String answer =
        SdpOfferAnswer.answer(
                chosen,
                LOOPBACK,
                40_002,
                SdpOfferAnswer.answerDirection(chosen.peerDirection(), MediaDirection.SENDRECV),
                9,
                1)
            .format();
    assertThat(answer).contains("m=audio 40002 RTP/AVP 8 102\r\n").contains("a=recvonly\r\n");
  }

  @Test
  void noCommonCodecMeansNoAnswer() throws Exception {
    SessionDescription offer =
        SdpParser.parse(
            "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                + "m=audio 5004 RTP/AVP 18\r\n");
    assertThat(SdpOfferAnswer.choose(offer, List.of(G711Codec.PCMU))).isEmpty();
  }

  @Test
  void answerDirectionFollowsRfc3264Section6_1() {
    assertThat(SdpOfferAnswer.answerDirection(MediaDirection.SENDONLY, MediaDirection.SENDRECV))
        .isEqualTo(MediaDirection.RECVONLY);
    assertThat(SdpOfferAnswer.answerDirection(MediaDirection.INACTIVE, MediaDirection.SENDRECV))
        .isEqualTo(MediaDirection.INACTIVE);
    assertThat(SdpOfferAnswer.answerDirection(MediaDirection.SENDRECV, MediaDirection.SENDONLY))
        .isEqualTo(MediaDirection.SENDONLY);
    assertThat(SdpOfferAnswer.answerDirection(MediaDirection.RECVONLY, MediaDirection.SENDRECV))
        .isEqualTo(MediaDirection.SENDONLY);
  }

  @Test
  void opusIsOfferedWithOurFormatParametersIncludingInbandFecOurDecoderUses() {
    OpusCodec opus = (OpusCodec) callOpus();
    String offer =
        SdpOfferAnswer.offer(
                LOOPBACK, 40_000, List.of(opus, G711Codec.PCMU), MediaDirection.SENDRECV, 7, 1)
            .format();

    // CI installs libopus0, whose decoder uses FEC (ADR 0032); minptime=10 is our receive floor.
    assertThat(opus.decoderUsesFec()).isTrue();
    assertThat(offer)
        .contains("m=audio 40000 RTP/AVP 96 0 97 98\r\n")
        .contains("a=rtpmap:96 opus/48000/2\r\n")
        .contains("a=fmtp:96 useinbandfec=1; minptime=10\r\n")
        .contains("a=fmtp:97 0-16\r\n")
        .doesNotContain("a=fmtp:0");
  }

  @Test
  void anOpusPeersFormatParametersShapeOurEncoderAndOurAnswerCarriesOurs() throws Exception {
    SessionDescription offer =
        SdpParser.parse(
            "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                + "m=audio 5004 RTP/AVP 111\r\na=rtpmap:111 opus/48000/2\r\n"
                + "a=fmtp:111 maxaveragebitrate=12000; useinbandfec=1; maxplaybackrate=16000\r\n");

    Negotiated chosen = SdpOfferAnswer.choose(offer, List.of(callOpus())).orElseThrow();

    OpusEncoderSettings encoder = ((OpusCodec) chosen.settings().codec()).settings();
    assertThat(encoder.bitrateBps()).isEqualTo(12_000);
    assertThat(encoder.inbandFec()).isTrue();
    assertThat(encoder.maxPlaybackRateHz()).isEqualTo(16_000);
    assertThat(encoder.frameMillis()).isEqualTo(20);
    String answer =
        SdpOfferAnswer.answer(chosen, LOOPBACK, 40_002, MediaDirection.SENDRECV, 9, 1).format();
    assertThat(answer)
        .contains("a=rtpmap:111 opus/48000/2\r\n")
        .contains("a=fmtp:111 useinbandfec=1; minptime=10\r\n");
  }

  @Test
  void anOpusPeerWithoutFormatParametersGetsNoFecFromUs() throws Exception {
    SessionDescription answer =
        SdpParser.parse(
            "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                + "m=audio 5004 RTP/AVP 96\r\na=rtpmap:96 opus/48000/2\r\na=ptime:60\r\n");

    Negotiated chosen = SdpOfferAnswer.choose(answer, List.of(callOpus())).orElseThrow();

    OpusEncoderSettings encoder = ((OpusCodec) chosen.settings().codec()).settings();
    // RFC 7587 §6.1 defaults: no FEC, no DTX, mono; the frame stays our 20 ms packet time.
    assertThat(encoder.inbandFec()).isFalse();
    assertThat(encoder.dtx()).isFalse();
    assertThat(encoder.channels()).isEqualTo(1);
    assertThat(encoder.frameMillis()).isEqualTo(20);
  }

  /** The Opus the default registry gives calls. */
  private static AudioCodec callOpus() {
    return FfmpegCodecs.defaultRegistry().all().stream()
        .filter(codec -> codec instanceof OpusCodec)
        .findFirst()
        .orElseThrow();
  }
}
