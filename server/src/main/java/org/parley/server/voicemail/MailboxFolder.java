package org.parley.server.voicemail;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voicemail audio folder beside the database. Audio is written to a {@code .part} file, synced,
 * and renamed into place atomically; only then is it indexed. So a crash leaves at worst a {@code
 * .part} file or an unindexed {@code .wav}, both removed by {@link #recover}.
 */
public final class MailboxFolder {

  static final String PART_SUFFIX = ".part";
  static final String AUDIO_SUFFIX = ".wav";
  private static final Logger LOG = LoggerFactory.getLogger(MailboxFolder.class);

  private final Path root;
  private final Path greetings;

  /** The folder (created if missing), usually {@code <data>/voicemail}. */
  public MailboxFolder(Path root) throws IOException {
    this.root = root.toAbsolutePath();
    this.greetings = this.root.resolve("greetings");
    Files.createDirectories(greetings);
  }

  /** A new, not yet existing file to record into. */
  Path newPartFile() {
    return root.resolve(UUID.randomUUID() + AUDIO_SUFFIX + PART_SUFFIX);
  }

  /** Syncs a finished {@code .part} file and renames it into place; returns its final name. */
  String commit(Path part) throws IOException {
    String partName = part.getFileName().toString();
    if (!partName.endsWith(PART_SUFFIX) || !part.toAbsolutePath().getParent().equals(root)) {
      throw new IllegalArgumentException("not one of this folder's part files: " + part);
    }
    String finalName = partName.substring(0, partName.length() - PART_SUFFIX.length());
    sync(part);
    move(part, root.resolve(finalName));
    syncFolder(root);
    return finalName;
  }

  /** The audio file of an indexed message. */
  Path audio(String fileName) {
    Path file = root.resolve(fileName).normalize();
    if (!file.getParent().equals(root)) {
      throw new IllegalArgumentException("not a voicemail file name: " + fileName);
    }
    return file;
  }

  /** Where a user's own greeting is kept. */
  Path greeting(String mailbox) {
    return greetings.resolve(mailbox + AUDIO_SUFFIX);
  }

  /** Replaces a user's greeting with a synced {@code .part} file, atomically. */
  void commitGreeting(Path part, String mailbox) throws IOException {
    sync(part);
    move(part, greeting(mailbox));
    syncFolder(greetings);
  }

  /** A temporary file for an uploaded greeting, next to where it will go. */
  Path newGreetingPart() {
    return greetings.resolve(UUID.randomUUID() + AUDIO_SUFFIX + PART_SUFFIX);
  }

  /**
   * Removes what an interrupted deposit left: every {@code .part} file, and audio the index does
   * not name (renamed but not yet indexed when the process stopped).
   *
   * @return how many files were removed
   */
  int recover(Set<String> indexed) throws IOException {
    int removed = removeParts(greetings);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(root)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        boolean orphan =
            name.endsWith(PART_SUFFIX) || name.endsWith(AUDIO_SUFFIX) && !indexed.contains(name);
        if (orphan && Files.isRegularFile(file)) {
          Files.deleteIfExists(file);
          removed++;
        }
      }
    }
    if (removed > 0) {
      LOG.info("Removed {} incomplete voicemail files from {}", removed, root);
    }
    return removed;
  }

  /** Deletes a message's audio; a missing file is not an error. */
  void delete(String fileName) throws IOException {
    Files.deleteIfExists(audio(fileName));
  }

  private static int removeParts(Path folder) throws IOException {
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + PART_SUFFIX)) {
      for (Path file : files) {
        Files.deleteIfExists(file);
        removed++;
      }
    }
    return removed;
  }

  private static void sync(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the voicemail folder does not support atomic renames: " + to, e);
    }
  }

  /** Makes the rename itself durable; not possible (nor needed) on every file system. */
  private static void syncFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      LOG.debug("Cannot sync folder {} ({}); relying on the file system", folder, e.getMessage());
    }
  }
}
