package org.parley.os.credentials;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.credentials.CredentialStoreException;

class LockedKeyringTest {

  @TempDir Path folder;

  @Test
  void lockedKeyringRefusesToStoreWithAClearMessage() throws Exception {
    try (PrivateKeyring keyring = PrivateKeyring.start(folder)) {
      SecretServiceCredentialStore store =
          new SecretServiceCredentialStore(keyring.environment(), Duration.ofSeconds(20));
      store.put("sip:alice@example.com", "before-lock".toCharArray());
      keyring.lock();

      assertThatThrownBy(() -> store.put("sip:alice@example.com", "after-lock".toCharArray()))
          .isInstanceOf(CredentialStoreException.class)
          .hasMessageContaining("the keyring is locked")
          .hasMessageNotContaining("after-lock");
    }
  }
}
