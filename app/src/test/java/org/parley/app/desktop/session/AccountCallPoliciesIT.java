package org.parley.app.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.account.AccountSettings;
import org.parley.core.call.CallMedia;
import org.parley.core.call.MediaEncryption;
import org.parley.core.store.sqlite.ProfileDatabase;
import org.parley.core.testing.TestAccounts;

/**
 * The SRTP choice made in the settings reaches the running account: its next INVITE offers what was
 * chosen, read from the datagram a peer of our own receives.
 */
class AccountCallPoliciesIT {

  @TempDir Path profile;
  private ProfileDatabase database;
  private DesktopSettings settings;
  private DatagramSocket peer;
  private Softphone phone;
  private Account alice;
  private long aliceId;

  @BeforeEach
  void start() throws Exception {
    database = ProfileDatabase.open(profile);
    settings = new DesktopSettings(database.settings());
    aliceId = database.accounts().save(AccountSettings.of("Alice", "sip:alice@127.0.0.1")).id();
    peer = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    peer.setSoTimeout(10_000);
    phone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
    alice = TestAccounts.direct(phone, "alice", peer.getLocalPort());
  }

  @AfterEach
  void stop() {
    phone.close();
    peer.close();
    database.close();
  }

  @Test
  void aStoredRequiredChoiceMakesTheNextCallOfferSrtpOnly() throws Exception {
    settings.setCallEncryption(aliceId, MediaEncryption.REQUIRED);
    policies().applyStored();

    alice.call("sip:bob@127.0.0.1", CallMedia.silent());

    String invite = nextInvite();
    assertThat(invite).contains("RTP/SAVP").contains("a=crypto:");
  }

  @Test
  void turningEncryptionOffInTheSettingsMakesTheNextCallPlain() throws Exception {
    settings.setCallEncryption(aliceId, MediaEncryption.REQUIRED);
    AccountCallPolicies policies = policies();
    policies.applyStored();

    policies.save(aliceId, MediaEncryption.NONE);
    alice.call("sip:bob@127.0.0.1", CallMedia.silent());

    String invite = nextInvite();
    assertThat(invite).contains("RTP/AVP").doesNotContain("RTP/SAVP").doesNotContain("a=crypto");
    assertThat(settings.callEncryption(aliceId)).isEqualTo(MediaEncryption.NONE);
  }

  private AccountCallPolicies policies() {
    return new AccountCallPolicies(database.accounts(), settings, () -> List.of(alice));
  }

  private String nextInvite() throws Exception {
    byte[] buffer = new byte[8192];
    for (int datagram = 0; datagram < 20; datagram++) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      peer.receive(packet);
      String text = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
      if (text.startsWith("INVITE ")) {
        return text;
      }
    }
    throw new AssertionError("No INVITE among the first 20 datagrams");
  }
}
