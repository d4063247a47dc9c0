package org.parley.core.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.core.account.AccountConfig;
import org.parley.core.sip.RegisterSession;
import org.parley.core.testing.ScriptedSip;
import org.parley.core.testing.VirtualTimeLoop;

/** Where the client looks for the API when the account's settings name no address. */
class VoicemailApiBaseTest {

  private final VirtualTimeLoop loop = new VirtualTimeLoop();

  @AfterEach
  void stop() {
    loop.close();
  }

  private URI defaultFor(AccountConfig account) {
    RegisterSession session = new RegisterSession(account);
    return new Voicemail(account, new ScriptedSip(), loop, () -> session).defaultApiBase();
  }

  @Test
  void aRemoteServerIsReachedOverHttpsOnTheHttpPortPlusOne() {
    AccountConfig account = AccountConfig.of("sip:bob@office.example", "pw"::toCharArray);

    assertThat(defaultFor(account)).isEqualTo(URI.create("https://office.example:8081/"));
    assertThat(defaultFor(account.withOutboundProxy("[2001:db8::5]:5070")))
        .isEqualTo(URI.create("https://[2001:db8::5]:8081/"));
  }

  @Test
  void aServerOnThisMachineIsReachedOverPlainHttp() {
    AccountConfig account =
        AccountConfig.of("sip:bob@office.example", "pw"::toCharArray)
            .withOutboundProxy("127.0.0.1:5060");

    assertThat(defaultFor(account)).isEqualTo(URI.create("http://127.0.0.1:8080/"));
  }
}
