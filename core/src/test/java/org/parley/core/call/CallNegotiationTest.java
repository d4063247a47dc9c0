package org.parley.core.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.sip.OfferRefusedException;
import org.parley.core.sip.SipWarning;
import org.parley.media.codec.G711Codec;
import org.parley.media.sdp.MediaDirection;

class CallNegotiationTest {

  private static final String PEER =
      "v=0\r\no=peer 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n";

  private final CallNegotiation negotiation =
      new CallNegotiation(
          CallAudio.reserve(InetAddress.getLoopbackAddress(), CallMedia.silent()),
          MediaEncryption.NONE);

  @Test
  void aReofferListsTheRunningCodecFirstSoTheAnswererKeepsIt() throws Exception {
    CallNegotiation.Answer answer =
        negotiation.answer(PEER + "m=audio 5004 RTP/AVP 8 0\r\n", MediaDirection.SENDRECV);
    negotiation.use(answer.settled());
    assertThat(answer.sdp()).contains(" RTP/AVP 8");

    // Our own preference is opus, G722, PCMU, PCMA; the hold offer still leads with PCMA.
    assertThat(negotiation.offer(MediaDirection.SENDONLY)).containsPattern("RTP/AVP 8 \\d");
  }

  @Test
  void changedCodecsAreOfferedAsGiven() throws Exception {
    negotiation.use(
        negotiation
            .answer(PEER + "m=audio 5004 RTP/AVP 8 0\r\n", MediaDirection.SENDRECV)
            .settled());
    negotiation.setCodecs(List.of(G711Codec.PCMU, G711Codec.PCMA));
    assertThat(negotiation.offer(MediaDirection.SENDRECV)).contains("RTP/AVP 0 8 ");
  }

  @Test
  void anOfferWithoutAudioOrWithNoCommonCodecIsRefusedWithItsWarnCode() {
    assertThatThrownBy(
            () -> negotiation.answer(PEER + "m=video 5004 RTP/AVP 96\r\n", MediaDirection.SENDRECV))
        .isInstanceOfSatisfying(
            OfferRefusedException.class,
            e -> assertThat(e.warning().code()).isEqualTo(SipWarning.MEDIA_TYPE_NOT_AVAILABLE));
    assertThat(CallNegotiation.refusal(PEER + "m=audio 5004 RTP/AVP 18\r\n", CallPolicy.defaults()))
        .map(SipWarning::code)
        .hasValue(SipWarning.INCOMPATIBLE_MEDIA_FORMAT);
    assertThat(CallNegotiation.refusal("v=0\r\nnonsense\r\n", CallPolicy.defaults()))
        .map(SipWarning::code)
        .hasValue(SipWarning.MISCELLANEOUS);
  }

  @Test
  void aPhoneWithoutSrtpAnswersBestEffortCryptoOnPlainRtpWithoutKeys() throws Exception {
    String offer =
        PEER
            + "m=audio 5004 RTP/AVP 0\r\n"
            + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:"
            + "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVzcyAoc2VuZGluZyk=\r\n";
    assertThat(CallNegotiation.refusal(offer, CallPolicy.defaults())).isEmpty();
    CallNegotiation.Answer answer = negotiation.answer(offer, MediaDirection.SENDRECV);
    assertThat(answer.sdp()).contains("RTP/AVP 0").doesNotContain("a=crypto");
    assertThat(answer.settled().keys()).isEmpty();
  }
}
