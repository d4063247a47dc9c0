package org.parley.app.desktop;

import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import org.parley.app.desktop.session.CallAudioProvider;
import org.parley.app.desktop.session.CallAudioProvider.PreparedAudio;
import org.parley.app.desktop.session.CoreVoicemail;
import org.parley.app.desktop.session.EmbeddedServer;
import org.parley.app.desktop.session.MicrophoneGreetingRecorder;
import org.parley.app.desktop.session.SpeakerPlayer;
import org.parley.app.desktop.view.MainView;
import org.parley.app.desktop.view.VoicemailPane;
import org.parley.app.desktop.viewmodel.CallsViewModel;
import org.parley.app.desktop.viewmodel.Texts;
import org.parley.app.desktop.viewmodel.VoicemailViewModel;
import org.parley.core.account.Account;
import org.parley.core.contacts.Contact;

/**
 * Puts the voicemail inbox of the first account into the main window: its mailbox (the embedded
 * server's API for the local account, else the account's server on the default port), the speaker
 * and microphone calls use, and a tab with the message-waiting count, on Ctrl+4.
 */
final class VoicemailTab implements AutoCloseable {

  private final SpeakerPlayer player;
  private final MicrophoneGreetingRecorder recorder;
  private final CoreVoicemail mailbox;
  private final VoicemailViewModel viewModel;
  private final Account account;
  private Tab tab; // FX thread only

  /** What the tab needs from the rest of the app. */
  record Parts(
      Path profile,
      Account account,
      Optional<Integer> embeddedHttpPort,
      Optional<URI> configuredApi,
      CallAudioProvider audio,
      CallsViewModel calls,
      javafx.collections.ObservableList<Contact> contacts,
      Executor background,
      Texts texts) {}

  /** Builds the view-model and its session parts; call on the FX thread before registering. */
  VoicemailTab(Parts parts) {
    account = parts.account();
    // The address the user set wins; then the embedded server's loopback port; then the default.
    URI apiBase =
        parts
            .configuredApi()
            .or(
                () ->
                    parts
                        .embeddedHttpPort()
                        .filter(port -> EmbeddedServer.DOMAIN.equals(account.config().domain()))
                        .map(port -> URI.create("http://127.0.0.1:" + port + "/")))
            .orElseGet(() -> account.voicemail().defaultApiBase());
    Path cache = CoreVoicemail.cacheDirectory(parts.profile(), account);
    mailbox = new CoreVoicemail(account, apiBase, cache);
    // Calls open microphone and speaker together; a message needs only the speaker, so the
    // microphone is closed at once. A greeting records from a microphone that keeps every sample.
    player =
        new SpeakerPlayer(
            () -> {
              PreparedAudio prepared = parts.audio().prepare();
              prepared.media().source().close();
              return prepared.media().sink();
            });
    recorder =
        new MicrophoneGreetingRecorder(
            parts.audio()::recordingMicrophone, cache.resolve("greeting.wav"));
    viewModel =
        new VoicemailViewModel(
            mailbox,
            player,
            recorder,
            parts.calls()::call,
            uri ->
                parts.contacts().stream()
                    .filter(
                        c ->
                            c.sipUri()
                                .toLowerCase(Locale.ROOT)
                                .equals(uri.toLowerCase(Locale.ROOT)))
                    .map(Contact::displayName)
                    .findFirst(),
            parts.background(),
            Platform::runLater,
            parts.texts(),
            ZoneId.systemDefault());
    mailbox.attach(Platform::runLater, viewModel::onSummary);
  }

  /** Adds the tab, its badge in the title, and Ctrl+4 to the main view. */
  void addTo(MainView view, Texts texts) {
    tab = new Tab();
    tab.setId("voicemail-tab");
    show(texts);
    view.addSideTab(tab, KeyCode.DIGIT4);
  }

  /**
   * Shows {@code next}, another account's inbox, in this tab's place (the first account was edited
   * or removed) and closes this one; returns {@code next}.
   */
  VoicemailTab handOverTo(VoicemailTab next, Texts texts) {
    next.tab = tab;
    next.show(texts);
    close();
    return next;
  }

  /** The account whose inbox this is. */
  Account account() {
    return account;
  }

  private void show(Texts texts) {
    tab.setContent(new VoicemailPane(viewModel, texts));
    tab.textProperty().unbind();
    tab.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    viewModel.waitingProperty().get() == 0
                        ? texts.text("ui.tab.voicemail")
                        : texts.text("ui.tab.voicemailWaiting", viewModel.waitingProperty().get()),
                viewModel.waitingProperty()));
    tab.setOnSelectionChanged(
        e -> {
          if (tab.isSelected()) {
            viewModel.reload();
          }
        });
    if (tab.isSelected()) {
      viewModel.reload();
    }
  }

  VoicemailViewModel viewModel() {
    return viewModel;
  }

  @Override
  public void close() {
    player.close();
    recorder.close();
  }
}
