package org.parley.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.core.credentials.CredentialStore;
import org.parley.core.credentials.CredentialStoreException;

class AccountCredentialsTest {

  /** Keeps secrets in a map and hands out copies, as the real stores do. */
  private static final class MapCredentialStore implements CredentialStore {
    final Map<String, char[]> secrets = new HashMap<>();
    boolean failing;

    @Override
    public void put(String accountKey, char[] secret) {
      secrets.put(accountKey, secret.clone());
    }

    @Override
    public Optional<char[]> get(String accountKey) throws CredentialStoreException {
      if (failing) {
        throw new CredentialStoreException("keyring locked", null);
      }
      return Optional.ofNullable(secrets.get(accountKey)).map(char[]::clone);
    }

    @Override
    public void remove(String accountKey) {
      secrets.remove(accountKey);
    }

    @Override
    public String description() {
      return "map";
    }
  }

  private final MapCredentialStore store = new MapCredentialStore();
  private final AccountCredentials credentials = new AccountCredentials(store);

  private static AccountSettings stored() {
    return new AccountSettings(
        7,
        "Alice",
        "sip:alice@office.example",
        "alice-auth",
        Optional.of(new ServerAddress("proxy.office.example", 5070)),
        Transport.TCP,
        900,
        true);
  }

  @Test
  void configCarriesEverySettingAndTheStoredPassword() throws Exception {
    credentials.setPassword(stored(), "s3cret".toCharArray());

    AccountConfig config = credentials.config(stored());

    assertThat(config.addressOfRecord()).isEqualTo("sip:alice@office.example");
    assertThat(config.authUser()).isEqualTo("alice-auth");
    assertThat(config.outboundProxy()).contains(new ServerAddress("proxy.office.example", 5070));
    assertThat(config.transport()).isEqualTo(Transport.TCP);
    assertThat(config.expiresSeconds()).isEqualTo(900);
    assertThat(config.keepAliveInterval()).isEqualTo(Duration.ofSeconds(120));
    assertThat(config.password().get()).containsExactly("s3cret".toCharArray());
    assertThat(store.secrets).containsOnlyKeys("parley-account-7");
  }

  @Test
  void passwordIsLookedUpAtEachChallengeSoAChangeApplies() throws Exception {
    AccountConfig config = credentials.config(stored());
    credentials.setPassword(stored(), "old".toCharArray());
    char[] first = config.password().get();
    first[0] = '\0'; // the registration wipes what it was given

    credentials.setPassword(stored(), "new".toCharArray());

    assertThat(config.password().get()).containsExactly("new".toCharArray());
  }

  @Test
  void aMissingOrUnreadablePasswordIsAnsweredEmpty() throws Exception {
    AccountConfig config = credentials.config(stored());
    assertThat(config.password().get()).isEmpty();

    credentials.setPassword(stored(), "s3cret".toCharArray());
    store.failing = true;
    assertThat(config.password().get()).isEmpty();
  }

  @Test
  void forgetPasswordRemovesIt() throws Exception {
    credentials.setPassword(stored(), "s3cret".toCharArray());

    credentials.forgetPassword(stored());

    assertThat(store.secrets).isEmpty();
  }

  @Test
  void anUnstoredAccountHasNoCredentialKey() {
    AccountSettings fresh = AccountSettings.of("Alice", "sip:alice@office.example");

    assertThatThrownBy(() -> credentials.config(fresh)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void settingsRejectAnAddressThatIsNotSipUserAtDomain() {
    assertThatThrownBy(() -> AccountSettings.of("Alice", "alice@office.example"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sip:user@domain");
  }
}
