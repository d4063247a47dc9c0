package org.parley.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.call.RawSipPeer.Message;
import org.parley.core.testing.TestAccounts;

/**
 * Our phone says it supports Replaces (RFC 3891 §6.2, option tag {@code replaces}) where a peer
 * looks for it before an attended transfer: in the INVITEs it sends and in its answers to INVITEs.
 */
class ReplacesSupportIT {

  private static final String BOB = "sip:bob@office.example";

  private TwoPhones phones;
  private DatagramSocket rtp;

  @BeforeEach
  void start() throws Exception {
    phones = new TwoPhones();
    rtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  @AfterEach
  void stop() {
    rtp.close();
    phones.close();
  }

  @Test
  void ourInviteListsReplacesBesideTheSessionTimer() throws Exception {
    try (RawSipPeer callee = RawSipPeer.called("callee1");
        Softphone phone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"))) {
      Account carol = TestAccounts.direct(phone, "carol", callee.localPort());
      carol.call("sip:dave@127.0.0.1:" + callee.localPort(), CallMedia.silent());
      Message invite = nextInvite(callee);

      assertThat(optionTags(invite)).contains("replaces", "timer");
    }
  }

  @Test
  void ourRingingAndOkListReplaces() throws Exception {
    try (RawSipPeer caller = new RawSipPeer(phones.bobContact(), BOB)) {
      caller.invite(RawSipPeer.sdp(rtp.getLocalPort(), "RTP/AVP", "0"));
      phones.bobEvents.next(IncomingCall.class).call().answer(CallMedia.silent());
      List<Message> responses = caller.responsesUntilFinal(5_000);
      caller.ack(responses.get(responses.size() - 1));

      assertThat(responses).extracting(Message::status).contains(180).endsWith(200);
      for (Message response : responses) {
        if (response.status() > 100) {
          assertThat(optionTags(response)).as("%s", response.firstLine()).contains("replaces");
        }
      }
      caller.bye();
    }
  }

  private static Message nextInvite(RawSipPeer callee) throws Exception {
    for (int i = 0; i < 10; i++) {
      Optional<Message> next = callee.nextRequest(5_000);
      if (next.isPresent() && next.get().firstLine().startsWith("INVITE ")) {
        return next.get();
      }
    }
    throw new AssertionError("No INVITE reached the callee");
  }

  /** Every option tag in the message's Supported headers, long or compact ({@code k}) form. */
  private static List<String> optionTags(Message message) {
    return message.headers().stream()
        .filter(h -> h[0].equalsIgnoreCase("Supported") || h[0].equalsIgnoreCase("k"))
        .flatMap(h -> Arrays.stream(h[1].split(",")))
        .map(String::trim)
        .toList();
  }
}
