package org.parley.server.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.parley.media.codec.G711Codec;
import org.parley.media.sdp.SdpParser;
import org.parley.media.sdp.SessionDescription;

class VoicemailAnswerTest {

  private static SessionDescription offer(String media) throws Exception {
    return SdpParser.parse(
        ("v=0\r\no=c 1 1 IN IP4 192.0.2.7\r\ns=-\r\nc=IN IP4 192.0.2.7\r\nt=0 0\r\n" + media)
            .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void takesTheFirstG711FormatInTheOffersOrderWithTelephoneEvents() throws Exception {
    SessionDescription offer =
        offer(
            "m=audio 4000 RTP/AVP 111 8 0 101\r\na=rtpmap:111 opus/48000/2\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n");

    VoicemailAnswer.Choice choice = VoicemailAnswer.choose(offer).orElseThrow();

    assertThat(choice.codec()).isEqualTo(G711Codec.PCMA);
    assertThat(choice.payloadType()).isEqualTo(8);
    assertThat(choice.telephoneEventType()).isEqualTo(101);
    assertThat(choice.remoteRtp().getPort()).isEqualTo(4000);
    assertThat(choice.remoteRtp().getAddress().getHostAddress()).isEqualTo("192.0.2.7");

    String answer =
        VoicemailAnswer.answer(InetAddress.getByName("127.0.0.1"), 5000, choice).format();
    assertThat(answer)
        .contains("m=audio 5000 RTP/AVP 8 101\r\n")
        .contains("a=rtpmap:8 PCMA/8000\r\n")
        .contains("a=rtpmap:101 telephone-event/8000\r\n")
        .contains("c=IN IP4 127.0.0.1\r\n");
  }

  @Test
  void rejectsOtherStreamsWithPortZero() throws Exception {
    SessionDescription offer =
        offer("m=video 4002 RTP/AVP 96\r\na=rtpmap:96 VP8/90000\r\nm=audio 4000 RTP/AVP 0\r\n");

    VoicemailAnswer.Choice choice = VoicemailAnswer.choose(offer).orElseThrow();
    String answer =
        VoicemailAnswer.answer(InetAddress.getByName("127.0.0.1"), 5000, choice).format();

    assertThat(answer).contains("m=video 0 RTP/AVP 96").contains("m=audio 5000 RTP/AVP 0\r\n");
  }

  @Test
  void offersWithoutG711OrOnlySrtpAreRefused() throws Exception {
    assertThat(
            VoicemailAnswer.choose(
                offer("m=audio 4000 RTP/AVP 111\r\na=rtpmap:111 opus/48000/2\r\n")))
        .isEmpty();
    assertThat(VoicemailAnswer.choose(offer("m=audio 4000 RTP/SAVP 0\r\n"))).isEmpty();
    assertThat(VoicemailAnswer.choose(offer("m=audio 0 RTP/AVP 0\r\n"))).isEmpty();
  }
}
