package org.parley.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

  @TempDir Path folder;

  @Test
  void writeReplacesTheFileAndLeavesNoTemporaryFile() throws Exception {
    Path target = folder.resolve("secret.txt");
    Files.writeString(target, "old");

    PrivateFiles.writeAtomically(target, "new".getBytes(StandardCharsets.US_ASCII));

    assertThat(target).hasContent("new");
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void writtenFilesAreOwnerOnly() throws Exception {
    assumeThat(folder.getFileSystem().supportedFileAttributeViews()).contains("posix");
    Path target = folder.resolve("secret.txt");

    PrivateFiles.writeAtomically(target, new byte[] {1});

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-------");
  }

  @Test
  void createFolderMakesMissingParentsAndAnOwnerOnlyFolder() throws Exception {
    assumeThat(folder.getFileSystem().supportedFileAttributeViews()).contains("posix");
    Path tls = folder.resolve("data/tls");

    PrivateFiles.createFolder(tls);

    assertThat(tls).isDirectory();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls)))
        .isEqualTo("rwx------");
  }
}
