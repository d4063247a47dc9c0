package org.parley.app.desktop.session;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.parley.app.desktop.viewmodel.Mailbox;
import org.parley.core.account.Account;
import org.parley.core.account.RegistrationEvent.Registered;
import org.parley.core.account.RegistrationState;
import org.parley.core.voicemail.MessageSummary;
import org.parley.core.voicemail.VoicemailClient;
import org.parley.core.voicemail.VoicemailEvent.MessagesWaitingChanged;
import org.parley.core.voicemail.VoicemailException;
import org.parley.core.voicemail.VoicemailMessage;

/**
 * The voicemail side of the core adapter, for one account: the mailbox's HTTP client behind the
 * view-model's {@link Mailbox} port, and the message-waiting indication, subscribed after each
 * registration (the server forgets subscriptions on a restart) and hopped to the UI thread.
 */
public final class CoreVoicemail implements Mailbox {

  private final Account account;
  private final VoicemailClient client;

  /**
   * @param apiBase the visual-voicemail API (the embedded server's port for the local account)
   * @param cacheDirectory where this account's messages are kept for offline playing
   */
  public CoreVoicemail(Account account, URI apiBase, Path cacheDirectory) {
    this.account = account;
    this.client = account.voicemail().client(apiBase, cacheDirectory);
  }

  /**
   * Sends every summary to {@code summaries} on {@code ui}; watches the mailbox at once if the
   * account registered already (the app registers before its window is up), else once it does.
   */
  public void attach(Executor ui, Consumer<MessageSummary> summaries) {
    account
        .voicemail()
        .addListener(
            event -> {
              if (event instanceof MessagesWaitingChanged changed) {
                ui.execute(() -> summaries.accept(changed.summary()));
              }
            });
    account.addRegistrationListener(
        event -> {
          if (event instanceof Registered) {
            account.voicemail().watch();
          }
        });
    if (account.registrationState() == RegistrationState.REGISTERED) {
      account.voicemail().watch(); // idempotent: a racing Registered event does no harm
    }
  }

  /** Where an account's cached messages live in the profile. */
  public static Path cacheDirectory(Path profile, Account account) {
    String name = account.config().user() + "@" + account.config().domain();
    return profile.resolve("voicemail").resolve(name.replaceAll("[^A-Za-z0-9@._-]", "_"));
  }

  @Override
  public List<VoicemailMessage> list() throws VoicemailException {
    return client.list();
  }

  @Override
  public List<VoicemailMessage> cachedList() throws VoicemailException {
    return client.cachedList();
  }

  @Override
  public Path audio(long messageId) throws VoicemailException {
    return client.audio(messageId);
  }

  @Override
  public void markHeard(long messageId) throws VoicemailException {
    client.markHeard(messageId);
  }

  @Override
  public void delete(long messageId) throws VoicemailException {
    client.delete(messageId);
  }

  @Override
  public void uploadGreeting(Path wav) throws VoicemailException {
    client.uploadGreeting(wav);
  }
}
