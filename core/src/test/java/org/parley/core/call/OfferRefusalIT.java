package org.parley.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.account.Account;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.call.RawSipPeer.Message;
import org.parley.core.testing.CallEvents;

/**
 * A hand-written SIP peer offers bob's phone media it cannot take: bob's phone answers 488 with a
 * Warning at once, before ringing, and its next call (or the call the re-INVITE was in) goes on.
 */
class OfferRefusalIT {

  private static final String BOB = "sip:bob@office.example";

  private TwoPhones phones;
  private Account bob;
  private CallEvents bobEvents;
  private RawSipPeer peer;
  private DatagramSocket rtp;

  @BeforeEach
  void start() throws Exception {
    phones = new TwoPhones();
    bob = phones.bob;
    bobEvents = phones.bobEvents;
    // Straight to the phone's contact: the test plays the caller's whole side itself.
    peer = new RawSipPeer(phones.bobContact(), BOB);
    rtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  @AfterEach
  void stop() {
    peer.close();
    rtp.close();
    phones.close();
  }

  private Message finalAfter(List<Message> responses) {
    return responses.get(responses.size() - 1);
  }

  @Test
  void anOfferWithNoCommonCodecGets488With305AtOnceAndTheNextCallRings() throws Exception {
    peer.invite(RawSipPeer.sdp(rtp.getLocalPort(), "RTP/AVP", "18", "rtpmap:18 G729/8000"));
    List<Message> responses = peer.responsesUntilFinal(5_000);
    Message refusal = finalAfter(responses);
    peer.ack(refusal);

    assertThat(responses).extracting(Message::status).doesNotContain(180).endsWith(488);
    assertThat(refusal.header("Warning"))
        .hasValueSatisfying(w -> assertThat(w).startsWith("305 127.0.0.1 \""));
    assertThat(bob.activeCalls()).isEmpty();

    // The phone took no harm: a good offer rings and can be answered.
    try (RawSipPeer next = new RawSipPeer(phones.bobContact(), BOB)) {
      next.invite(RawSipPeer.sdp(rtp.getLocalPort(), "RTP/AVP", "0", "rtpmap:0 PCMU/8000"));
      bobEvents.next(IncomingCall.class).call().answer(CallMedia.silent());
      List<Message> answered = next.responsesUntilFinal(5_000);
      assertThat(answered).extracting(Message::status).contains(180).endsWith(200);
      assertThat(finalAfter(answered).body()).contains("m=audio").contains("PCMU/8000");
      next.ack(finalAfter(answered));
      assertThat(bobEvents.next(CallEstablished.class).codec()).isEqualTo("PCMU");
      next.bye();
    }
  }

  @Test
  void malformedSdpGets488With399SayingSo() throws Exception {
    peer.invite("v=0\r\nthis is not a session description\r\n");
    List<Message> responses = peer.responsesUntilFinal(5_000);
    peer.ack(finalAfter(responses));

    assertThat(responses).extracting(Message::status).doesNotContain(180).endsWith(488);
    assertThat(finalAfter(responses).header("Warning"))
        .hasValueSatisfying(w -> assertThat(w).startsWith("399 127.0.0.1 \"Malformed SDP"));
  }

  @Test
  void anSrtpOfferToAPhoneWithoutSrtpGets488With302() throws Exception {
    peer.invite(
        RawSipPeer.sdp(
            rtp.getLocalPort(),
            "RTP/SAVP",
            "0",
            "crypto:1 AES_CM_128_HMAC_SHA1_80 inline:"
                + "WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVzcyAoc2VuZGluZyk="));
    List<Message> responses = peer.responsesUntilFinal(5_000);
    peer.ack(finalAfter(responses));

    assertThat(finalAfter(responses).status()).isEqualTo(488);
    assertThat(finalAfter(responses).header("Warning"))
        .hasValueSatisfying(w -> assertThat(w).startsWith("302 "));
  }

  @Test
  void aBadReinviteGets488AndTheCallGoesOnUnchanged() throws Exception {
    peer.invite(RawSipPeer.sdp(rtp.getLocalPort(), "RTP/AVP", "8", "rtpmap:8 PCMA/8000"));
    Call call = bobEvents.next(IncomingCall.class).call();
    call.answer(CallMedia.silent());
    Message ok = finalAfter(peer.responsesUntilFinal(5_000));
    peer.ack(ok);
    bobEvents.next(CallEstablished.class);

    peer.invite(RawSipPeer.sdp(rtp.getLocalPort(), "RTP/AVP", "18", "rtpmap:18 G729/8000"));
    Message refusal = finalAfter(peer.responsesUntilFinal(5_000));
    peer.ack(refusal);

    assertThat(refusal.status()).isEqualTo(488);
    assertThat(refusal.header("Warning")).hasValueSatisfying(w -> assertThat(w).startsWith("305 "));
    assertThat(call.state()).isEqualTo(Call.State.ESTABLISHED);
    assertThat(call.codec()).hasValue("PCMA");
    // PCMA (payload type 8) keeps flowing to the old address after the refusal.
    assertThat(nextRtpPayloadType()).isEqualTo(8);

    peer.invite(
        RawSipPeer.sdp(rtp.getLocalPort(), "RTP/AVP", "8", "rtpmap:8 PCMA/8000", "sendonly"));
    Message accepted = finalAfter(peer.responsesUntilFinal(5_000));
    peer.ack(accepted);
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.body()).contains("a=recvonly");
    peer.bye();
  }

  private int nextRtpPayloadType() throws Exception {
    return RawSipPeer.receiveRtp(rtp, 1).get(0)[1] & 0x7F;
  }
}
