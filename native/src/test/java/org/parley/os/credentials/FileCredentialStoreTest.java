package org.parley.os.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.credentials.CredentialStoreException;

class FileCredentialStoreTest {

  @TempDir Path folder;

  @Test
  void secretSurvivesANewStoreOnTheSameFile() throws Exception {
    Path file = folder.resolve("profile/credentials");
    new FileCredentialStore(file).put("sip:alice@example.com", "s3cr=t:\n ü".toCharArray());

    char[] secret = new FileCredentialStore(file).get("sip:alice@example.com").orElseThrow();

    assertThat(new String(secret)).isEqualTo("s3cr=t:\n ü");
  }

  @Test
  void unknownAccountHasNoSecret() throws Exception {
    assertThat(new FileCredentialStore(folder.resolve("credentials")).get("sip:x@y")).isEmpty();
  }

  @Test
  void removeForgetsOnlyThatAccount() throws Exception {
    FileCredentialStore store = new FileCredentialStore(folder.resolve("credentials"));
    store.put("sip:a@example.com", "one".toCharArray());
    store.put("sip:b@example.com", "two".toCharArray());

    store.remove("sip:a@example.com");

    assertThat(store.get("sip:a@example.com")).isEmpty();
    assertThat(store.get("sip:b@example.com"))
        .hasValueSatisfying(s -> assertThat(s).containsExactly('t', 'w', 'o'));
  }

  @Test
  void fileIsReadableByItsOwnerOnly() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path file = folder.resolve("credentials");
    new FileCredentialStore(file).put("sip:a@example.com", "plain-secret".toCharArray());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file)).doesNotContain("plain-secret");
  }

  @Test
  void unreadableFileGivesAClearError() throws IOException {
    Path file = folder.resolve("credentials");
    Files.createDirectory(file); // a folder where the file should be

    assertThatThrownBy(() -> new FileCredentialStore(file).get("sip:a@example.com"))
        .isInstanceOf(CredentialStoreException.class)
        .hasMessageContaining("Cannot read the credential file");
  }
}
