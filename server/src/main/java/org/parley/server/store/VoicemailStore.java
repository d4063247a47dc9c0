package org.parley.server.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.parley.server.voicemail.VoicemailMessage;

/**
 * The index of voicemail messages; each row names an audio file that is complete on disk. Methods
 * are thread-safe, and each change is on disk when it returns.
 */
public interface VoicemailStore {

  /** Indexes a message whose audio is in place; returns it with its new id. */
  VoicemailMessage add(VoicemailMessage message) throws StoreException;

  /** The messages of one mailbox, oldest first. */
  List<VoicemailMessage> list(String mailbox) throws StoreException;

  /** One message, only if it belongs to {@code mailbox}. */
  Optional<VoicemailMessage> find(String mailbox, long id) throws StoreException;

  /** Marks a message heard; false when the mailbox has no such message. */
  boolean markHeard(String mailbox, long id) throws StoreException;

  /** Removes a message from the index; false when the mailbox has no such message. */
  boolean remove(String mailbox, long id) throws StoreException;

  /** Every indexed message of every mailbox, to check the index against the audio at start. */
  List<VoicemailMessage> all() throws StoreException;

  /** The audio file names of every indexed message, to tell orphans at start. */
  Set<String> fileNames() throws StoreException;
}
