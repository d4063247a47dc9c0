package org.parley.core.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.SipFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.core.sip.SessionTimerSettings;
import org.parley.core.testing.VirtualTimeLoop;

class SessionTimerTest {

  private final VirtualTimeLoop loop = new VirtualTimeLoop();
  private final AtomicInteger refreshes = new AtomicInteger();
  private final AtomicInteger expiries = new AtomicInteger();
  private final MessageFactory messages;
  private final HeaderFactory headers;

  SessionTimerTest() throws Exception {
    SipFactory factory = SipFactory.getInstance();
    factory.setPathName("gov.nist");
    messages = factory.createMessageFactory();
    headers = factory.createHeaderFactory();
  }

  @AfterEach
  void close() {
    loop.close();
  }

  private SessionTimer timer(SessionTimerSettings settings) {
    return new SessionTimer(loop, settings, refreshes::incrementAndGet, expiries::incrementAndGet);
  }

  private Request invite(String... extraHeaders) throws Exception {
    StringBuilder text =
        new StringBuilder(
            "INVITE sip:bob@office.example SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-1\r\n"
                + "From: <sip:alice@office.example>;tag=a1\r\n"
                + "To: <sip:bob@office.example>\r\n"
                + "Call-ID: st-1\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n");
    for (String header : extraHeaders) {
      text.append(header).append("\r\n");
    }
    return messages.createRequest(text.append("Content-Length: 0\r\n\r\n").toString());
  }

  private Response answer(SessionTimer timer, Request request) throws Exception {
    Response ok = messages.createResponse(200, request);
    timer.answer(request, ok, headers);
    return ok;
  }

  @Test
  void aCallerThatSupportsTimersRefreshesAndWeSendByeAtTheIntervalLessAThird() throws Exception {
    SessionTimer timer = timer(SessionTimerSettings.DEFAULT);
    Response ok = answer(timer, invite("Supported: timer", "Session-Expires: 1800"));

    assertThat(ok.getHeader("Session-Expires").toString().trim())
        .isEqualTo("Session-Expires: 1800;refresher=uac");
    assertThat(ok.getHeader("Require").toString().trim()).isEqualTo("Require: timer");
    // 1800 - min(32, 1800 / 3) = 1768 s.
    assertThat(loop.nextTimerIn()).isEqualTo(Duration.ofSeconds(1768));
    loop.advance(Duration.ofSeconds(1768));
    assertThat(expiries).hasValue(1);
    assertThat(refreshes).hasValue(0);
  }

  @Test
  void aCallerWithoutTimersLeavesTheRefreshesToUsAtHalfOurInterval() throws Exception {
    SessionTimer timer = timer(new SessionTimerSettings(600, 90));
    Response ok = answer(timer, invite());

    assertThat(ok.getHeader("Session-Expires").toString().trim())
        .isEqualTo("Session-Expires: 600;refresher=uas");
    assertThat(ok.getHeader("Require")).isNull();
    assertThat(loop.nextTimerIn()).isEqualTo(Duration.ofSeconds(300));
    loop.advance(Duration.ofSeconds(300));
    assertThat(refreshes).hasValue(1);
  }

  @Test
  void weShortenALongIntervalButNeverBelowTheCallersMinSe() throws Exception {
    Response shortened =
        answer(timer(SessionTimerSettings.DEFAULT), invite("Session-Expires: 7200"));
    assertThat(shortened.getHeader("Session-Expires").toString()).contains("1800;");
    Response floored =
        answer(
            timer(SessionTimerSettings.DEFAULT),
            invite("Session-Expires: 7200;refresher=uas", "Min-SE: 2400"));
    assertThat(floored.getHeader("Session-Expires").toString().trim())
        .isEqualTo("Session-Expires: 2400;refresher=uas");
  }

  @Test
  void anIntervalBelowOurMinSeIsTooSmallAndNamesOurMinSe() throws Exception {
    SessionTimerSettings settings = new SessionTimerSettings(1800, 300);
    assertThat(SessionTimer.tooSmall(invite("Session-Expires: 120"), settings)).hasValue(300);
    assertThat(SessionTimer.tooSmall(invite("Session-Expires: 300"), settings)).isEmpty();
    assertThat(SessionTimer.tooSmall(invite(), settings)).isEmpty();
  }

  @Test
  void after422WeAskForThePeersMinSeOnceAndNotForLess() throws Exception {
    SessionTimer timer = timer(SessionTimerSettings.DEFAULT);
    Request first = invite();
    Response tooSmall = messages.createResponse(422, first);
    tooSmall.addHeader(headers.createHeader("Min-SE", "3600"));

    assertThat(timer.raiseFor(tooSmall)).isTrue();
    Request retry = invite();
    timer.addToRequest(retry, headers);
    assertThat(retry.getHeader("Session-Expires").toString().trim())
        .isEqualTo("Session-Expires: 3600");
    assertThat(retry.getHeader("Min-SE").toString().trim()).isEqualTo("Min-SE: 3600");
    assertThat(timer.raiseFor(tooSmall)).isFalse();
  }

  @Test
  void aTwoHundredWithoutSessionExpiresMakesUsTheRefresher() throws Exception {
    SessionTimer timer = timer(SessionTimerSettings.DEFAULT);
    timer.answered(messages.createResponse(200, invite()));
    assertThat(timer.weRefresh()).isTrue();
    assertThat(loop.nextTimerIn()).isEqualTo(Duration.ofSeconds(900));
    timer.stop();
    loop.advance(Duration.ofSeconds(900));
    assertThat(refreshes).hasValue(0);
  }
}
