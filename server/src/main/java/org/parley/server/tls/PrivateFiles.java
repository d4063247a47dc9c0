package org.parley.server.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes secrets so that only the server's user can read them (0600 files in a 0700 folder where
 * the file system has POSIX permissions) and a crash never leaves a half-written file.
 */
final class PrivateFiles {

  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_FOLDER =
      PosixFilePermissions.fromString("rwx------");

  private PrivateFiles() {}

  /** Creates {@code folder} (0700 where POSIX) if missing; its parents get default rights. */
  static void createFolder(Path folder) throws IOException {
    if (Files.isDirectory(folder)) {
      return;
    }
    Path parent = folder.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (isPosix(parent)) {
      Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
    } else {
      Files.createDirectory(folder);
    }
  }

  /** Replaces {@code target} with {@code content}: a 0600 temporary file, synced, then moved. */
  static void writeAtomically(Path target, byte[] content) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    String prefix = target.getFileName() + ".";
    Path temporary =
        isPosix(folder)
            ? Files.createTempFile(
                folder, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE))
            : Files.createTempFile(folder, prefix, ".tmp");
    try {
      try (FileChannel channel =
          FileChannel.open(
              temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static boolean isPosix(Path path) {
    return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
