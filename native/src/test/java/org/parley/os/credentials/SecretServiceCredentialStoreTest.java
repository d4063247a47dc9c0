package org.parley.os.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.credentials.CredentialStoreException;

class SecretServiceCredentialStoreTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  @TempDir static Path folder;
  private static PrivateKeyring keyring;

  @BeforeAll
  static void startKeyring() throws Exception {
    keyring = PrivateKeyring.start(folder);
  }

  @AfterAll
  static void stopKeyring() {
    if (keyring != null) {
      keyring.close();
    }
  }

  private static SecretServiceCredentialStore store() {
    return new SecretServiceCredentialStore(keyring.environment(), TIMEOUT);
  }

  @Test
  void storedSecretIsInTheKeyringUnderParleysAttributes() throws Exception {
    store().put("sip:alice@example.com", "first secret".toCharArray());

    assertThat(keyring.lookUpDirectly("sip:alice@example.com")).isEqualTo("first secret");
    assertThat(new String(store().get("sip:alice@example.com").orElseThrow()))
        .isEqualTo("first secret");
  }

  @Test
  void putReplacesTheSecret() throws Exception {
    SecretServiceCredentialStore store = store();
    store.put("sip:replace@example.com", "old".toCharArray());

    store.put("sip:replace@example.com", "new".toCharArray());

    assertThat(store.get("sip:replace@example.com"))
        .hasValueSatisfying(s -> assertThat(s).containsExactly('n', 'e', 'w'));
  }

  @Test
  void removeForgetsTheSecretAndIsQuietWhenNothingIsStored() throws Exception {
    SecretServiceCredentialStore store = store();
    store.put("sip:gone@example.com", "x".toCharArray());

    store.remove("sip:gone@example.com");
    store.remove("sip:gone@example.com");

    assertThat(store.get("sip:gone@example.com")).isEmpty();
    assertThat(keyring.lookUpDirectly("sip:gone@example.com")).isEmpty();
  }

  @Test
  void unicodeNewlinesAndLongSecretsComeBackExactly() throws Exception {
    SecretServiceCredentialStore store = store();
    String unicode = "pässwörd 🔑 ключ\nsecond line\n";
    String longSecret =
        "0123456789abcdef".repeat(SecretServiceCredentialStore.MAX_SECRET_BYTES / 16);
    store.put("sip:unicode@example.com", unicode.toCharArray());
    store.put("sip:long@example.com", longSecret.toCharArray());

    assertThat(new String(store.get("sip:unicode@example.com").orElseThrow())).isEqualTo(unicode);
    assertThat(new String(store.get("sip:long@example.com").orElseThrow()))
        .hasSize(longSecret.length())
        .isEqualTo(longSecret);
  }

  @Test
  void tooLongASecretIsRefusedRatherThanCutShort() throws Exception {
    // secret-tool would keep only the first 8192 bytes; the stored password must never differ.
    SecretServiceCredentialStore store = store();
    store.put("sip:cut@example.com", "kept".toCharArray());
    char[] tooLong = new char[SecretServiceCredentialStore.MAX_SECRET_BYTES / 2 + 1];
    java.util.Arrays.fill(tooLong, 'ä'); // two bytes each in UTF-8

    assertThatThrownBy(() -> store.put("sip:cut@example.com", tooLong))
        .isInstanceOf(CredentialStoreException.class)
        .hasMessageContaining("at most 8192 bytes");
    assertThat(new String(store.get("sip:cut@example.com").orElseThrow())).isEqualTo("kept");
  }

  @Test
  void twoAccountsAreKeptApart() throws Exception {
    SecretServiceCredentialStore store = store();
    store.put("sip:a@example.com", "secret-a".toCharArray());
    store.put("sip:b@example.com", "secret-b".toCharArray());

    store.remove("sip:a@example.com");

    assertThat(store.get("sip:a@example.com")).isEmpty();
    assertThat(new String(store.get("sip:b@example.com").orElseThrow())).isEqualTo("secret-b");
  }

  @Test
  void unknownAccountHasNoSecretAndTheStoreIsUsable() throws Exception {
    assertThat(store().get("sip:nobody@example.com")).isEmpty();
    assertThat(store().usable()).isTrue();
  }

  @Test
  void withoutABusTheStoreIsUnusableAndSaysWhy() {
    PrivateKeyring.assumeInstalled();
    Map<String, String> noBus = new HashMap<>(keyring.environment());
    noBus.put("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + folder.resolve("no-such-bus"));
    SecretServiceCredentialStore store = new SecretServiceCredentialStore(noBus, TIMEOUT);

    assertThat(store.usable()).isFalse();
    assertThatThrownBy(() -> store.put("sip:a@example.com", "never-logged".toCharArray()))
        .isInstanceOf(CredentialStoreException.class)
        .hasMessageContaining("no Secret Service is running")
        .hasMessageNotContaining("never-logged");
  }

  @Test
  void withoutSecretToolTheStoreIsUnusable() {
    Map<String, String> noTools = new HashMap<>(keyring.environment());
    noTools.put("PATH", folder.resolve("empty").toString());
    SecretServiceCredentialStore store = new SecretServiceCredentialStore(noTools, TIMEOUT);

    assertThat(store.usable()).isFalse();
    assertThatThrownBy(() -> store.get("sip:a@example.com"))
        .isInstanceOf(CredentialStoreException.class)
        .hasMessageContaining("libsecret-tools");
  }

  @Test
  void withoutAnySessionBusTheKeyringIsNotEvenAsked() throws Exception {
    // A secret-tool that answers "found" and leaves a mark: it shows whether the probe ran.
    Path tools = Files.createDirectories(folder.resolve("fake-tools"));
    Path mark = folder.resolve("asked");
    Path tool = tools.resolve("secret-tool");
    Files.writeString(tool, "#!/bin/sh\n: > '" + mark + "'\necho secret\n");
    tool.toFile().setExecutable(true);
    Path runtime = Files.createDirectories(folder.resolve("runtime"));
    Map<String, String> noBus =
        Map.of("PATH", tools.toString(), "XDG_RUNTIME_DIR", runtime.toString());

    assertThat(new SecretServiceCredentialStore(noBus, TIMEOUT).usable()).isFalse();
    assertThat(mark).doesNotExist();

    // A systemd user session's bus socket in XDG_RUNTIME_DIR is enough for libsecret to ask.
    Files.createFile(runtime.resolve("bus"));
    assertThat(new SecretServiceCredentialStore(noBus, TIMEOUT).usable()).isTrue();
    assertThat(mark).exists();
  }
}
