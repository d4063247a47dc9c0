package org.parley.os.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.credentials.CredentialStore;
import org.parley.core.credentials.CredentialStoreException;

class CredentialStoresTest {

  @TempDir Path folder;

  @Test
  void passwordsInTheFileMoveToTheKeyringOnceItIsUsable() throws Exception {
    Path file = folder.resolve("profile").resolve(CredentialStores.FILE_NAME);
    FileCredentialStore earlier = new FileCredentialStore(file);
    earlier.put("sip:alice@example.com", "alice-secret".toCharArray());
    earlier.put("sip:bob@example.com", "bob-secret".toCharArray());
    try (PrivateKeyring keyring = PrivateKeyring.start(folder.resolve("keyring"))) {
      SecretServiceCredentialStore secretService =
          new SecretServiceCredentialStore(keyring.environment(), Duration.ofSeconds(20));

      CredentialStore chosen = CredentialStores.choose(file, Optional.of(secretService), "unused");

      assertThat(chosen).isSameAs(secretService);
      assertThat(CredentialStores.warning(chosen)).isEmpty();
      assertThat(keyring.lookUpDirectly("sip:alice@example.com")).isEqualTo("alice-secret");
      assertThat(keyring.lookUpDirectly("sip:bob@example.com")).isEqualTo("bob-secret");
      assertThat(new FileCredentialStore(file).accountKeys()).isEmpty();
      assertThat(Files.readString(file)).doesNotContain("sip");
    }
  }

  @Test
  void withoutAKeyringTheFileIsUsedAndSaysWhy() throws Exception {
    PrivateKeyring.assumeInstalled();
    Map<String, String> noBus = new HashMap<>();
    noBus.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    noBus.put("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + folder.resolve("no-bus"));
    Path file = folder.resolve(CredentialStores.FILE_NAME);

    CredentialStore chosen =
        CredentialStores.choose(
            file,
            Optional.of(new SecretServiceCredentialStore(noBus, Duration.ofSeconds(5))),
            "no keyring here");
    chosen.put("sip:alice@example.com", "kept-in-file".toCharArray());

    assertThat(chosen).isInstanceOf(FileCredentialStore.class);
    assertThat(CredentialStores.warning(chosen))
        .hasValue("Passwords are kept in this file, not in an OS keychain: no keyring here");
    assertThat(chosen.description()).contains(file.toString()).contains("no keyring here");
    assertThat(new String(new FileCredentialStore(file).get("sip:alice@example.com").orElseThrow()))
        .isEqualTo("kept-in-file");
  }

  @Test
  void aMoveThatFailsPartWayLeavesEveryPasswordInTheFile() throws Exception {
    Path file = folder.resolve(CredentialStores.FILE_NAME);
    FileCredentialStore earlier = new FileCredentialStore(file);
    earlier.put("sip:a@example.com", "one".toCharArray());
    earlier.put("sip:b@example.com", "two".toCharArray());

    CredentialStore chosen =
        CredentialStores.choose(file, Optional.of(new RefusesSecondPut()), "unused");

    assertThat(chosen).isInstanceOf(FileCredentialStore.class);
    assertThat(CredentialStores.warning(chosen).orElseThrow()).contains("moving them");
    assertThat(chosen.get("sip:a@example.com")).isPresent();
    assertThat(chosen.get("sip:b@example.com")).isPresent();
  }

  @Test
  void withNoSessionBusThisMachineFallsBackToTheFile() {
    PrivateKeyring.assumeInstalled();
    Map<String, String> noBus = Map.of("PATH", System.getenv().getOrDefault("PATH", "/bin"));

    CredentialStore chosen = CredentialStores.forThisMachine(folder, noBus);

    assertThat(chosen).isInstanceOf(FileCredentialStore.class);
    assertThat(CredentialStores.warning(chosen).orElseThrow()).contains("Secret Service");
  }

  /** Usable, keeps what it is given, but refuses its second password. */
  private static final class RefusesSecondPut implements OsCredentialStore {
    private final Map<String, char[]> secrets = new HashMap<>();

    @Override
    public boolean usable() {
      return true;
    }

    @Override
    public void put(String accountKey, char[] secret) throws CredentialStoreException {
      if (!secrets.isEmpty()) {
        throw new CredentialStoreException("refused", null);
      }
      secrets.put(accountKey, secret.clone());
    }

    @Override
    public Optional<char[]> get(String accountKey) {
      return Optional.ofNullable(secrets.get(accountKey)).map(char[]::clone);
    }

    @Override
    public void remove(String accountKey) {
      secrets.remove(accountKey);
    }

    @Override
    public String description() {
      return "test store";
    }
  }
}
