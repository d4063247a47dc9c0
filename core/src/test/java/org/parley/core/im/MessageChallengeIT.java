package org.parley.core.im;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.account.AccountConfig;
import org.parley.core.im.MessageEvent.MessageDelivered;
import org.parley.core.im.MessageEvent.MessageFailed;
import org.parley.core.testing.MessageEvents;

/**
 * Which digest challenges a MESSAGE answers: a scripted UDP proxy stands in for the account's
 * server, so the test sees the bytes and chooses the realm.
 */
class MessageChallengeIT {

  private static final Pattern HEADER =
      Pattern.compile("^(Via|From|To|Call-ID|CSeq): .*$", Pattern.MULTILINE);

  private DatagramSocket proxy;
  private Softphone phone;
  private Account alice;
  private final MessageEvents events = new MessageEvents();

  @BeforeEach
  void start() throws Exception {
    proxy = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    proxy.setSoTimeout(10_000);
    phone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
    alice =
        phone.addAccount(
            AccountConfig.of("sip:alice@office.example", "wonder"::toCharArray)
                .withOutboundProxy("127.0.0.1:" + proxy.getLocalPort()));
    alice.messaging().addListener(events);
  }

  @AfterEach
  void stop() {
    phone.close();
    proxy.close();
  }

  @Test
  void ourServersChallengeInItsRealmIsAnsweredOnce() throws Exception {
    alice.messaging().send("bob", "hi");

    DatagramPacket first = receive();
    answer(first, "407 Proxy Authentication Required", challenge("office.example"));
    DatagramPacket second = receive();
    String retry = text(second);
    assertThat(retry).startsWith("MESSAGE sip:bob@office.example SIP/2.0");
    assertThat(retry).contains("Proxy-Authorization: Digest ").contains("username=\"alice\"");
    assertThat(retry).contains("realm=\"office.example\"").contains("CSeq: 2 MESSAGE");
    answer(second, "202 Accepted", "");

    assertThat(events.next(MessageDelivered.class).statusCode()).isEqualTo(202);
  }

  @Test
  void aChallengeInAForeignRealmIsNotAnsweredAndTheMessageFails() throws Exception {
    alice.messaging().send("bob", "hi");

    answer(receive(), "407 Proxy Authentication Required", challenge("attacker.example"));

    MessageFailed failed = events.next(MessageFailed.class);
    assertThat(failed.statusCode()).isEqualTo(407);
    assertThat(failed.reason()).isEqualTo("Proxy Authentication Required");
  }

  @Test
  void aSecondChallengeAfterOurAnswerFailsInsteadOfGuessingAgain() throws Exception {
    alice.messaging().send("bob", "hi");

    answer(receive(), "407 Proxy Authentication Required", challenge("office.example"));
    answer(receive(), "407 Proxy Authentication Required", challenge("office.example"));

    assertThat(events.next(MessageFailed.class).statusCode()).isEqualTo(407);
  }

  private static String challenge(String realm) {
    return "Proxy-Authenticate: Digest realm=\""
        + realm
        + "\", nonce=\"6f1c2a\", algorithm=MD5, qop=\"auth\"\r\n";
  }

  private DatagramPacket receive() throws IOException {
    DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
    proxy.receive(packet);
    return packet;
  }

  private static String text(DatagramPacket packet) {
    return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
  }

  private void answer(DatagramPacket request, String status, String extraHeaders)
      throws IOException {
    StringBuilder response = new StringBuilder("SIP/2.0 " + status + "\r\n");
    Matcher headers = HEADER.matcher(text(request).replace("\r\n", "\n"));
    while (headers.find()) {
      String line = headers.group();
      response.append(line.startsWith("To:") ? line + ";tag=proxy1" : line).append("\r\n");
    }
    response.append(extraHeaders).append("Content-Length: 0\r\n\r\n");
    byte[] bytes = response.toString().getBytes(StandardCharsets.UTF_8);
    proxy.send(new DatagramPacket(bytes, bytes.length, request.getSocketAddress()));
  }
}
