package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sip.message.MessageFactory;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

class StrayResponseValveTest {

  private final MessageFactory messages = SipFactories.messages();
  private final Set<String> clientTransactions = new HashSet<>();
  private final List<Response> relayed = new ArrayList<>();
  private final StrayResponseValve valve = new StrayResponseValve(clientTransactions::contains);

  private Response ok(String branch, String method) throws Exception {
    return messages.createResponse(
        "SIP/2.0 200 OK\r\n"
            + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch="
            + branch
            + "\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.7:5062;branch=z9hG4bKcaller\r\n"
            + "From: <sip:alice@office.example>;tag=1\r\nTo: <sip:bob@office.example>;tag=2\r\n"
            + "Call-ID: c1\r\nCSeq: 2 "
            + method
            + "\r\nContent-Length: 0\r\n\r\n");
  }

  @Test
  void aResponseThatMatchesNoClientTransactionIsRelayedAndKeptFromTheStack() throws Exception {
    valve.relayTo(relayed::add);
    Response retransmitted = ok("z9hG4bKAbC.gone", "INVITE");

    boolean passedOn = valve.processResponse(retransmitted, null);

    assertThat(passedOn).isFalse();
    assertThat(relayed).containsExactly(retransmitted);
  }

  @Test
  void aResponseWithAClientTransactionGoesToTheStackByItsLowerCasedBranch() throws Exception {
    valve.relayTo(relayed::add);
    clientTransactions.add("z9hg4bkabc.live");

    boolean passedOn = valve.processResponse(ok("z9hG4bKAbC.live", "BYE"), null);

    assertThat(passedOn).isTrue();
    assertThat(relayed).isEmpty();
  }

  @Test
  void aBranchWithoutTheRfc3261CookieIsLeftToTheStacksOwnMatching() throws Exception {
    valve.relayTo(relayed::add);

    boolean passedOn = valve.processResponse(ok("rfc2543-style", "INVITE"), null);

    assertThat(passedOn).isTrue();
    assertThat(relayed).isEmpty();
  }

  @Test
  void beforeTheServerIsWiredEveryResponseGoesToTheStack() throws Exception {
    boolean passedOn = valve.processResponse(ok("z9hG4bKAbC.gone", "INVITE"), null);

    assertThat(passedOn).isTrue();
  }
}
