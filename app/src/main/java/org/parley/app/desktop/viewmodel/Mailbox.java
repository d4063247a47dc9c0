package org.parley.app.desktop.viewmodel;

import java.nio.file.Path;
import java.util.List;
import org.parley.core.voicemail.VoicemailException;
import org.parley.core.voicemail.VoicemailMessage;

/** The voicemail view-model's port to an account's mailbox; every method blocks on the network. */
public interface Mailbox {

  List<VoicemailMessage> list() throws VoicemailException;

  /** The list as last fetched, for when the server cannot be reached. */
  List<VoicemailMessage> cachedList() throws VoicemailException;

  /** The message's audio as a local WAV file (8 kHz mono), cached after the first fetch. */
  Path audio(long messageId) throws VoicemailException;

  void markHeard(long messageId) throws VoicemailException;

  void delete(long messageId) throws VoicemailException;

  void uploadGreeting(Path wav) throws VoicemailException;
}
