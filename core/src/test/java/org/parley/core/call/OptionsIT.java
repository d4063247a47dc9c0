package org.parley.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.account.AccountConfig;
import org.parley.core.account.RegistrationEvent.Registered;
import org.parley.core.testing.BundledServer;
import org.parley.core.testing.RegistrationEvents;

/** A peer's OPTIONS, sent as raw UDP bytes, is answered with what the softphone takes. */
class OptionsIT {

  @Test
  void optionsGets200WithAllowAndAccept() throws Exception {
    try (BundledServer server = BundledServer.builder().start().user("alice", "wonder");
        Softphone phone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
        DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      Account alice =
          phone.addAccount(
              AccountConfig.of("sip:alice@office.example", "wonder"::toCharArray)
                  .withOutboundProxy("127.0.0.1:" + server.port()));
      RegistrationEvents events = new RegistrationEvents();
      alice.addRegistrationListener(events);
      alice.register();
      events.next(Registered.class);
      String contact = server.contactsOf("alice").get(0);
      int port = Integer.parseInt(contact.replaceAll(".*:(\\d+).*", "$1"));
      String options =
          "OPTIONS sip:alice@127.0.0.1:"
              + port
              + " SIP/2.0\r\n"
              + "Via: SIP/2.0/UDP 127.0.0.1:"
              + peer.getLocalPort()
              + ";branch=z9hG4bKopt1\r\n"
              + "Max-Forwards: 70\r\n"
              + "From: <sip:probe@office.example>;tag=p1\r\n"
              + "To: <sip:alice@office.example>\r\n"
              + "Call-ID: options-probe-1\r\n"
              + "CSeq: 1 OPTIONS\r\n"
              + "Content-Length: 0\r\n\r\n";
      byte[] bytes = options.getBytes(StandardCharsets.US_ASCII);
      peer.setSoTimeout(5000);
      peer.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
      DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
      peer.receive(answer);

      String response =
          new String(answer.getData(), 0, answer.getLength(), StandardCharsets.US_ASCII);
      assertThat(response).startsWith("SIP/2.0 200 ");
      assertThat(response)
          .containsPattern("(?m)^Allow: INVITE, ?ACK, ?CANCEL, ?BYE, ?OPTIONS, ?INFO");
      assertThat(response).containsPattern("(?m)^Accept: application/sdp");
      // RFC 3891 §6.2: an OPTIONS answer lists the extensions we take, Replaces among them.
      assertThat(response).containsPattern("(?m)^Supported: (.*[ ,])?replaces\\b");
    }
  }
}
