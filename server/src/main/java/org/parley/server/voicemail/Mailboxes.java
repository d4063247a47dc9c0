package org.parley.server.voicemail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.parley.media.wav.WavFileException;
import org.parley.media.wav.WavFileSource;
import org.parley.server.store.StoreException;
import org.parley.server.store.VoicemailStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every user's mailbox: deposits, listing, heard, delete and greetings, over the index and the
 * audio folder. Listeners hear of every change to a mailbox, for message-waiting indication.
 */
public final class Mailboxes {

  /** The longest greeting accepted. */
  public static final int MAX_GREETING_SECONDS = 60;

  private static final Logger LOG = LoggerFactory.getLogger(Mailboxes.class);

  private final VoicemailStore store;
  private final MailboxFolder folder;
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

  private Mailboxes(VoicemailStore store, MailboxFolder folder) {
    this.store = store;
    this.folder = folder;
  }

  /**
   * Opens the mailboxes, first removing what interrupted deposits left behind, so that only
   * complete messages are ever listed.
   */
  public static Mailboxes open(VoicemailStore store, MailboxFolder folder) throws StoreException {
    try {
      folder.recover(store.fileNames());
      forgetMissingAudio(store, folder);
    } catch (IOException e) {
      throw new StoreException("could not clean up the voicemail folder: " + e.getMessage(), e);
    }
    return new Mailboxes(store, folder);
  }

  /** Index rows whose audio is gone (a restored backup, a hand-deleted file) are dropped. */
  private static void forgetMissingAudio(VoicemailStore store, MailboxFolder folder)
      throws StoreException {
    for (VoicemailMessage message : store.all()) {
      if (!Files.isRegularFile(folder.audio(message.fileName()))) {
        LOG.warn(
            "Voicemail {} of {} has no audio file any more; forgetting it",
            message.id(),
            message.mailbox());
        store.remove(message.mailbox(), message.id());
      }
    }
  }

  /** Calls {@code listener} with the mailbox name after every deposit, heard and delete. */
  public void addListener(Consumer<String> listener) {
    listeners.add(listener);
  }

  /** A file to record a new message into; hand it to {@link #deposit} or {@link #discard}. */
  public Path newRecording() {
    return folder.newPartFile();
  }

  /**
   * Makes a finished recording a message: syncs and renames the audio, then indexes it.
   *
   * @param recording a file from {@link #newRecording()}, closed
   */
  public VoicemailMessage deposit(
      String mailbox, String caller, Instant receivedAt, Path recording, long durationMillis)
      throws StoreException {
    String fileName;
    try {
      fileName = folder.commit(recording);
    } catch (IOException e) {
      discard(recording);
      throw new StoreException("could not save a voicemail for " + mailbox + ": " + e, e);
    }
    VoicemailMessage stored;
    try {
      stored =
          store.add(
              new VoicemailMessage(
                  0, mailbox, caller, receivedAt, durationMillis, false, fileName));
    } catch (StoreException e) {
      deleteQuietly(fileName);
      throw e;
    }
    LOG.info("Voicemail {} ({} ms) left for {}", stored.id(), durationMillis, mailbox);
    changed(mailbox);
    return stored;
  }

  /** Drops a recording that will not become a message. */
  public void discard(Path recording) {
    try {
      Files.deleteIfExists(recording);
    } catch (IOException e) {
      LOG.warn("Could not delete the unused recording {}: {}", recording, e.getMessage());
    }
  }

  public List<VoicemailMessage> list(String mailbox) throws StoreException {
    return store.list(mailbox);
  }

  public Optional<VoicemailMessage> find(String mailbox, long id) throws StoreException {
    return store.find(mailbox, id);
  }

  /** The audio of a message. */
  public Path audio(VoicemailMessage message) {
    return folder.audio(message.fileName());
  }

  /** A message's audio as 8 kHz mono samples, for playback over the phone. */
  public short[] pcm(VoicemailMessage message) throws IOException {
    return Greetings.readPcm(audio(message));
  }

  public boolean markHeard(String mailbox, long id) throws StoreException {
    boolean marked = store.markHeard(mailbox, id);
    if (marked) {
      changed(mailbox);
    }
    return marked;
  }

  /** Removes the index entry first: a crash before the file goes leaves only an orphan. */
  public boolean delete(String mailbox, long id) throws StoreException {
    Optional<VoicemailMessage> message = store.find(mailbox, id);
    if (message.isEmpty() || !store.remove(mailbox, id)) {
      return false;
    }
    deleteQuietly(message.get().fileName());
    changed(mailbox);
    return true;
  }

  /** The counts for message-waiting indication. */
  public MessageSummary summary(String mailbox) throws StoreException {
    int fresh = 0;
    int old = 0;
    for (VoicemailMessage message : store.list(mailbox)) {
      if (message.heard()) {
        old++;
      } else {
        fresh++;
      }
    }
    return new MessageSummary(fresh, old);
  }

  /** The greeting to play, 8 kHz mono: the user's own, else the default. */
  public short[] greeting(String mailbox) {
    Path own = folder.greeting(mailbox);
    if (Files.isRegularFile(own)) {
      try {
        return Greetings.read(own);
      } catch (IOException e) {
        LOG.warn(
            "Cannot read the greeting of {}; playing the default: {}", mailbox, e.getMessage());
      }
    }
    return DefaultGreeting.samples();
  }

  /**
   * Replaces a user's greeting.
   *
   * @param wav a 16-bit PCM WAV file, 8 kHz mono, at most {@link #MAX_GREETING_SECONDS} long
   * @throws WavFileException when the body is not such a file; the old greeting stays
   */
  public void saveGreeting(String mailbox, byte[] wav) throws IOException {
    Path part = folder.newGreetingPart();
    try {
      Files.write(part, wav);
      try (WavFileSource source = WavFileSource.open(part)) {
        Greetings.check(source);
      }
      folder.commitGreeting(part, mailbox);
    } finally {
      Files.deleteIfExists(part);
    }
    LOG.info("New greeting for {}", mailbox);
  }

  private void deleteQuietly(String fileName) {
    try {
      folder.delete(fileName);
    } catch (IOException e) {
      // Left for the next start's clean-up, which removes audio the index does not name.
      LOG.warn("Could not delete voicemail audio {}: {}", fileName, e.getMessage());
    }
  }

  private void changed(String mailbox) {
    for (Consumer<String> listener : listeners) {
      try {
        listener.accept(mailbox);
      } catch (RuntimeException e) {
        LOG.warn("A voicemail listener failed for {}", mailbox, e);
      }
    }
  }
}
