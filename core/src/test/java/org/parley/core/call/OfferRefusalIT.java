package org.parley.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.account.AccountConfig;
import org.parley.core.account.RegistrationEvent.Registered;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.call.RawSipPeer.Message;
import org.parley.core.testing.BundledServer;
import org.parley.core.testing.CallEvents;
import org.parley.core.testing.RegistrationEvents;

/**
 * A hand-written SIP peer offers bob's phone media it cannot take: bob's phone answers 488 with a
 * Warning at once, before ringing, and its next call (or the call the re-INVITE was in) goes on.
 */
class OfferRefusalIT {

  private BundledServer server;
  private Softphone bobPhone;
  private Account bob;
  private final CallEvents bobEvents = new CallEvents();
  private RawSipPeer peer;
  private DatagramSocket rtp;

  @BeforeEach
  void start() throws Exception {
    server = BundledServer.builder().start().user("bob", "builder");
    bobPhone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
    bob =
        bobPhone.addAccount(
            AccountConfig.of("sip:bob@" + BundledServer.DOMAIN, "builder"::toCharArray)
                .withOutboundProxy("127.0.0.1:" + server.port()));
    RegistrationEvents registration = new RegistrationEvents();
    bob.addRegistrationListener(registration);
    bob.addCallListener(bobEvents);
    bob.register();
    registration.next(Registered.class);
    // Straight to the phone's contact: the test plays the caller's whole side itself.
    URI contact = URI.create(server.contactsOf("bob").get(0).replace("sip:", "sip://"));
    peer =
        new RawSipPeer(
            new InetSocketAddress(contact.getHost(), contact.getPort()),
            "sip:bob@" + BundledServer.DOMAIN);
    rtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  @AfterEach
  void stop() {
    peer.close();
    rtp.close();
    bobPhone.close();
    server.close();
  }

  static String sdp(int port, String proto, String formats, String... attributes) {
    StringBuilder text =
        new StringBuilder(
            "v=0\r\no=raw 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio "
                + port
                + " "
                + proto
                + " "
                + formats
                + "\r\n");
    for (String attribute : attributes) {
      text.append("a=").append(attribute).append("\r\n");
    }
    return text.toString();
  }

  private Message finalAfter(List<Message> responses) {
    return responses.get(responses.size() - 1);
  }

  @Test
  void anOfferWithNoCommonCodecGets488With305AtOnceAndTheNextCallRings() throws Exception {
    peer.invite(sdp(rtp.getLocalPort(), "RTP/AVP", "18", "rtpmap:18 G729/8000"));
    List<Message> responses = peer.responsesUntilFinal(5_000);
    Message refusal = finalAfter(responses);
    peer.ack(refusal);

    assertThat(responses).extracting(Message::status).doesNotContain(180).endsWith(488);
    assertThat(refusal.header("Warning"))
        .hasValueSatisfying(w -> assertThat(w).startsWith("305 127.0.0.1 \""));
    assertThat(bob.activeCalls()).isEmpty();

    // The phone took no harm: a good offer rings and can be answered.
    try (RawSipPeer next = new RawSipPeer(peerTarget(), "sip:bob@" + BundledServer.DOMAIN)) {
      next.invite(sdp(rtp.getLocalPort(), "RTP/AVP", "0", "rtpmap:0 PCMU/8000"));
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
        sdp(
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
    peer.invite(sdp(rtp.getLocalPort(), "RTP/AVP", "8", "rtpmap:8 PCMA/8000"));
    Call call = bobEvents.next(IncomingCall.class).call();
    call.answer(CallMedia.silent());
    Message ok = finalAfter(peer.responsesUntilFinal(5_000));
    peer.ack(ok);
    bobEvents.next(CallEstablished.class);

    peer.invite(sdp(rtp.getLocalPort(), "RTP/AVP", "18", "rtpmap:18 G729/8000"));
    Message refusal = finalAfter(peer.responsesUntilFinal(5_000));
    peer.ack(refusal);

    assertThat(refusal.status()).isEqualTo(488);
    assertThat(refusal.header("Warning")).hasValueSatisfying(w -> assertThat(w).startsWith("305 "));
    assertThat(call.state()).isEqualTo(Call.State.ESTABLISHED);
    assertThat(call.codec()).hasValue("PCMA");
    // PCMA (payload type 8) keeps flowing to the old address after the refusal.
    assertThat(nextRtpPayloadType()).isEqualTo(8);

    peer.invite(sdp(rtp.getLocalPort(), "RTP/AVP", "8", "rtpmap:8 PCMA/8000", "sendonly"));
    Message accepted = finalAfter(peer.responsesUntilFinal(5_000));
    peer.ack(accepted);
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.body()).contains("a=recvonly");
    peer.bye();
  }

  private InetSocketAddress peerTarget() {
    URI contact = URI.create(server.contactsOf("bob").get(0).replace("sip:", "sip://"));
    return new InetSocketAddress(contact.getHost(), contact.getPort());
  }

  private int nextRtpPayloadType() throws Exception {
    byte[] buffer = new byte[1500];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    rtp.setSoTimeout(5_000);
    // Drain what was queued before the refusal; then one fresh packet.
    for (int i = 0; i < 200; i++) {
      rtp.receive(packet);
      if ((buffer[1] & 0x7F) < 72 || (buffer[1] & 0x7F) > 76) {
        return buffer[1] & 0x7F;
      }
    }
    throw new AssertionError("Only RTCP arrived");
  }
}
