package org.parley.os.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.credentials.CredentialStore;
import org.parley.core.credentials.CredentialStoreException;

class LockedKeyringTest {

  @TempDir Path folder;

  @Test
  void lockedKeyringRefusesToStoreOrReadWithAClearMessage() throws Exception {
    try (PrivateKeyring keyring = PrivateKeyring.start(folder)) {
      SecretServiceCredentialStore store =
          new SecretServiceCredentialStore(keyring.environment(), Duration.ofSeconds(20));
      store.put("sip:alice@example.com", "before-lock".toCharArray());
      keyring.lock();

      assertThatThrownBy(() -> store.put("sip:alice@example.com", "after-lock".toCharArray()))
          .isInstanceOf(CredentialStoreException.class)
          .hasMessageContaining("the keyring is locked")
          .hasMessageNotContaining("after-lock");
      // A lookup alone would answer "no password" here; the store must not.
      assertThatThrownBy(() -> store.get("sip:alice@example.com"))
          .isInstanceOf(CredentialStoreException.class)
          .hasMessageContaining("the keyring is locked")
          .hasMessageNotContaining("before-lock");
      assertThat(store.get("sip:nobody@example.com")).isEmpty();
    }
  }

  @Test
  void passwordsStayInTheFileWhileTheKeyringIsLocked() throws Exception {
    Path file = folder.resolve(CredentialStores.FILE_NAME);
    new FileCredentialStore(file).put("sip:alice@example.com", "in-file".toCharArray());
    try (PrivateKeyring keyring = PrivateKeyring.start(folder.resolve("keyring"))) {
      keyring.lock();
      SecretServiceCredentialStore locked =
          new SecretServiceCredentialStore(keyring.environment(), Duration.ofSeconds(20));

      CredentialStore chosen = CredentialStores.choose(file, Optional.of(locked), "unused");

      assertThat(chosen).isInstanceOf(FileCredentialStore.class);
      assertThat(CredentialStores.warning(chosen).orElseThrow()).contains("locked");
      assertThat(new String(chosen.get("sip:alice@example.com").orElseThrow()))
          .isEqualTo("in-file");
    }
  }
}
