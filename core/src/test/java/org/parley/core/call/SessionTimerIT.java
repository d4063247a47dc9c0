package org.parley.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.SoftphoneConfig;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.EndReason;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.call.RawSipPeer.Message;
import org.parley.core.sip.SessionTimerSettings;
import org.parley.core.testing.VirtualTimeLoop;

/**
 * Session timers (RFC 4028) on bob's phone, whose timers run on virtual time, against a
 * hand-written caller that shows the headers and requests on the wire.
 */
class SessionTimerIT {

  private static final String BOB = "sip:bob@office.example";

  private final VirtualTimeLoop bobLoop = new VirtualTimeLoop();
  private TwoPhones phones;
  private RawSipPeer peer;
  private DatagramSocket rtp;

  @BeforeEach
  void start() throws Exception {
    phones =
        new TwoPhones(
            SoftphoneConfig.defaults("127.0.0.1"),
            SoftphoneConfig.defaults("127.0.0.1").withLoop(bobLoop));
    peer = new RawSipPeer(phones.bobContact(), BOB);
    rtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  @AfterEach
  void stop() {
    peer.close();
    rtp.close();
    phones.close();
    bobLoop.close();
  }

  private String offer() {
    return RawSipPeer.sdp(rtp.getLocalPort(), "RTP/AVP", "0");
  }

  private Message answeredCall(String... sessionHeaders) throws Exception {
    peer.invite(offer(), sessionHeaders);
    phones.bobEvents.next(IncomingCall.class).call().answer(CallMedia.silent());
    List<Message> responses = peer.responsesUntilFinal(5_000);
    Message ok = responses.get(responses.size() - 1);
    peer.ack(ok);
    phones.bobEvents.next(CallEstablished.class);
    bobLoop.drain();
    return ok;
  }

  @Test
  void anIntervalBelowOurMinSeGets422WithOurMinSeBeforeRinging() throws Exception {
    peer.invite(offer(), "Supported: timer", "Session-Expires: 60");
    List<Message> responses = peer.responsesUntilFinal(5_000);
    peer.ack(responses.get(responses.size() - 1));

    assertThat(responses).extracting(Message::status).doesNotContain(180).endsWith(422);
    assertThat(responses.get(responses.size() - 1).header("Min-SE")).hasValue("90");
    assertThat(phones.bob.activeCalls()).isEmpty();
  }

  @Test
  void whenTheCallerRefreshesButStopsBobSendsByeBeforeTheIntervalEnds() throws Exception {
    Message ok =
        answeredCall("Supported: timer", "Session-Expires: 120;refresher=uac", "Min-SE: 90");
    assertThat(ok.header("Session-Expires")).hasValue("120;refresher=uac");
    assertThat(ok.header("Require")).hasValue("timer");

    // RFC 4028 §10: BYE at 120 - min(32, 120 / 3) = 88 s without a refresh.
    bobLoop.advance(Duration.ofSeconds(87));
    assertThat(peer.nextRequest(300)).isEmpty();
    bobLoop.advance(Duration.ofSeconds(1));
    Message bye = peer.nextRequest(5_000).orElseThrow();
    assertThat(bye.firstLine()).startsWith("BYE ");
    peer.respond(bye, 200, null);
    CallEnded ended = phones.bobEvents.next(CallEnded.class);
    assertThat(ended.reason()).isEqualTo(EndReason.FAILED);
  }

  @Test
  void aRefreshByTheCallerKeepsTheCallPastTheInterval() throws Exception {
    answeredCall("Supported: timer", "Session-Expires: 120;refresher=uac");
    bobLoop.advance(Duration.ofSeconds(60));
    peer.invite(offer(), "Supported: timer", "Session-Expires: 120;refresher=uac");
    List<Message> refreshed = peer.responsesUntilFinal(5_000);
    Message ok = refreshed.get(refreshed.size() - 1);
    peer.ack(ok);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.header("Session-Expires")).hasValue("120;refresher=uac");
    bobLoop.drain();

    // 88 s after the refresh, not after the call began.
    bobLoop.advance(Duration.ofSeconds(87));
    assertThat(peer.nextRequest(300)).isEmpty();
    bobLoop.advance(Duration.ofSeconds(1));
    assertThat(peer.nextRequest(5_000).orElseThrow().firstLine()).startsWith("BYE ");
  }

  @Test
  void whenBobIsTheRefresherHeReinvitesAtHalfTheInterval() throws Exception {
    Message ok = answeredCall("Supported: timer", "Session-Expires: 120;refresher=uas");
    assertThat(ok.header("Session-Expires")).hasValue("120;refresher=uas");

    for (int refresh = 0; refresh < 2; refresh++) {
      bobLoop.advance(Duration.ofSeconds(59));
      assertThat(peer.nextRequest(300)).isEmpty();
      bobLoop.advance(Duration.ofSeconds(1));
      Message reinvite = peer.nextRequest(5_000).orElseThrow();
      assertThat(reinvite.firstLine()).startsWith("INVITE ");
      assertThat(reinvite.header("Session-Expires")).hasValue("120;refresher=uac");
      assertThat(reinvite.body()).contains("m=audio ");
      peer.respond(reinvite, 200, offer(), "Session-Expires: 120;refresher=uac", "Require: timer");
      assertThat(peer.nextRequest(5_000).orElseThrow().firstLine()).startsWith("ACK ");
      bobLoop.drain(); // the timer restarts in the task that sent the ACK
    }
    assertThat(phones.bob.activeCalls())
        .singleElement()
        .satisfies(call -> assertThat(call.state()).isEqualTo(Call.State.ESTABLISHED));
  }

  @Test
  void aCallerRetriesWithTheCalleesLargerMinSeAfter422() throws Exception {
    phones.bob.setCallPolicy(
        CallPolicy.defaults().withSessionTimers(new SessionTimerSettings(3600, 3600)));
    phones.alice.call("bob");
    phones.bobEvents.next(IncomingCall.class).call().answer(CallMedia.silent());
    phones.aliceEvents.next(CallEstablished.class);
  }
}
