package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.net.InetAddress;
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
  void overUdpTheValveRelaysButOverAStreamTheStackKeepsTheResponse() throws Exception {
    valve.relayTo(relayed::add);

    boolean overUdp = valve.processResponse(ok("z9hG4bKAbC.gone", "INVITE"), new Channel("UDP"));
    boolean overTcp = valve.processResponse(ok("z9hG4bKAbC.gone", "INVITE"), new Channel("TCP"));

    assertThat(overUdp).isFalse();
    assertThat(overTcp).isTrue();
    assertThat(relayed).hasSize(1);
  }

  @Test
  void beforeTheServerIsWiredEveryResponseGoesToTheStack() throws Exception {
    boolean passedOn = valve.processResponse(ok("z9hG4bKAbC.gone", "INVITE"), null);

    assertThat(passedOn).isTrue();
  }

  /** A channel that only knows its transport, which is all the valve asks. */
  private static final class Channel extends MessageChannel {
    private final String transport;

    Channel(String transport) {
      this.transport = transport;
    }

    @Override
    public String getTransport() {
      return transport;
    }

    @Override
    public void close() {}

    @Override
    public SIPTransactionStack getSIPStack() {
      return null;
    }

    @Override
    public boolean isReliable() {
      return !"UDP".equals(transport);
    }

    @Override
    public boolean isSecure() {
      return false;
    }

    @Override
    public void sendMessage(SIPMessage message) {}

    @Override
    public String getPeerAddress() {
      return "192.0.2.7";
    }

    @Override
    protected InetAddress getPeerInetAddress() {
      return null;
    }

    @Override
    protected String getPeerProtocol() {
      return transport;
    }

    @Override
    public int getPeerPort() {
      return 5062;
    }

    @Override
    public int getPeerPacketSourcePort() {
      return 5062;
    }

    @Override
    public InetAddress getPeerPacketSourceAddress() {
      return null;
    }

    @Override
    public String getKey() {
      return transport + ":192.0.2.7:5062";
    }

    @Override
    public String getViaHost() {
      return "127.0.0.1";
    }

    @Override
    public int getViaPort() {
      return 5060;
    }

    @Override
    protected void sendMessage(
        byte[] message, InetAddress receiverAddress, int receiverPort, boolean reconnect) {}
  }
}
