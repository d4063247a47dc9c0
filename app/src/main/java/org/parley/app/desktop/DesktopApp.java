package org.parley.app.desktop;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.parley.app.cli.VersionProvider;
import org.parley.app.desktop.session.AccountCallPolicies;
import org.parley.app.desktop.session.CallAudioProvider;
import org.parley.app.desktop.session.CoreMessenger;
import org.parley.app.desktop.session.CorePhone;
import org.parley.app.desktop.session.CorePresence;
import org.parley.app.desktop.session.DesktopAlerts;
import org.parley.app.desktop.session.DesktopSession;
import org.parley.app.desktop.session.DesktopSettings;
import org.parley.app.desktop.session.DeviceRinger;
import org.parley.app.desktop.session.ProfileAccounts;
import org.parley.app.desktop.session.SessionException;
import org.parley.app.desktop.session.SessionStart;
import org.parley.app.desktop.session.TrialRegistration;
import org.parley.app.desktop.session.VoicemailApiSettings;
import org.parley.app.desktop.view.FxTimer;
import org.parley.app.desktop.view.InputIdleSource;
import org.parley.app.desktop.view.MainView;
import org.parley.app.desktop.view.SettingsView;
import org.parley.app.desktop.view.WindowAttention;
import org.parley.app.desktop.viewmodel.AccountsViewModel;
import org.parley.app.desktop.viewmodel.AddAccountViewModel;
import org.parley.app.desktop.viewmodel.CallEncryptionViewModel;
import org.parley.app.desktop.viewmodel.CallsViewModel;
import org.parley.app.desktop.viewmodel.ChatsViewModel;
import org.parley.app.desktop.viewmodel.ComposingNotifier;
import org.parley.app.desktop.viewmodel.ContactsViewModel;
import org.parley.app.desktop.viewmodel.HistoryViewModel;
import org.parley.app.desktop.viewmodel.PresenceViewModel;
import org.parley.app.desktop.viewmodel.Ringer;
import org.parley.app.desktop.viewmodel.SettingsViewModel;
import org.parley.app.desktop.viewmodel.Texts;
import org.parley.app.link.CallLink;
import org.parley.app.link.LinkInbox;
import org.parley.core.account.Account;
import org.parley.core.credentials.CredentialStore;
import org.parley.core.store.StoreException;
import org.parley.core.store.sqlite.ProfileDatabase;
import org.parley.media.codec.AudioCodec;
import org.parley.media.device.AudioDevice;
import org.parley.media.device.AudioDevices;
import org.parley.media.device.JavaSoundGateway;
import org.parley.media.ffmpeg.FfmpegCodecs;
import org.parley.os.credentials.CredentialStores;
import org.parley.os.notifications.DesktopNotification;
import org.parley.os.notifications.DesktopNotifier;
import org.parley.os.notifications.DesktopNotifiers;
import org.parley.os.notifications.SilentDesktopNotifier;
import org.parley.resources.BundledResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the desktop app together: shows the window at once, opens the profile and the session on a
 * background thread, then builds the view-models and views on the FX thread.
 */
public final class DesktopApp {

  static final String TITLE = "Parley";
  static final double WIDTH = 960;
  static final double HEIGHT = 640;
  private static final Duration TRIAL_TIMEOUT = Duration.ofSeconds(15);
  private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);
  private static final java.net.URL HIGH_CONTRAST_CSS =
      DesktopApp.class.getResource("css/high-contrast.css");

  /**
   * Where the app keeps its profile and how calls get their audio.
   *
   * @param profile the profile folder (database, credentials, embedded server data)
   * @param systemLocale the language used until the user picks one
   * @param audio makes each call's audio from the settings; default: the chosen sound devices
   */
  public record Options(
      Path profile,
      Locale systemLocale,
      Optional<Function<DesktopSettings, CallAudioProvider>> audio) {}

  private final Options options;
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "parley-desktop");
            thread.setDaemon(true);
            return thread;
          });
  private volatile ProfileDatabase database;
  private volatile DesktopSession session;
  private volatile CredentialStore credentialStore;
  private volatile DesktopNotifier notifier = new SilentDesktopNotifier("not started yet");
  private volatile boolean shutDown;
  private Scene mainScene; // FX thread only
  private DesktopSettings.Theme theme = DesktopSettings.Theme.LIGHT; // FX thread only
  private volatile VoicemailTab voicemailTab;
  private volatile Runnable followFirstAccount = () -> {};
  private volatile LinkInbox links = new LinkInbox();
  private volatile SessionStart sessionStart;
  private volatile SessionStart.Opened opened;

  public DesktopApp(Options options) {
    this.options = options;
  }

  /** Links to call once the main view is up (from the command line and from later launches). */
  public void openLinksFrom(LinkInbox inbox) {
    links = inbox;
  }

  /**
   * Uses a session that began opening before the toolkit started (see {@link SessionStart}); call
   * before {@link #start}. Without one, {@link #start} begins it.
   */
  public void openSessionFrom(SessionStart started) {
    sessionStart = started;
  }

  /** Shows the window now; the main view replaces the start screen once the session runs. */
  public void start(Stage stage) {
    if (sessionStart == null) {
      sessionStart = SessionStart.begin(options.profile(), options.audio(), Platform::runLater);
    }
    Texts startTexts = Texts.forLocale(options.systemLocale());
    Label starting = new Label(startTexts.text("status.starting"));
    starting.setId("start-status");
    starting.setAccessibleText(starting.getText());
    stage.setTitle(TITLE);
    stage.setMinWidth(480);
    stage.setMinHeight(360);
    stage.setScene(new Scene(starting, WIDTH, HEIGHT));
    stage.show();
    background.execute(
        () -> {
          try {
            opened = waitFor(sessionStart);
            database = opened.database();
            credentialStore = opened.credentialStore();
            session = opened.session();
            notifier = DesktopNotifiers.forThisMachine(System.getenv());
            applyCallPolicies();
            Platform.runLater(() -> showMain(stage));
          } catch (SessionException e) {
            LOG.error("The desktop session could not start", e);
            Platform.runLater(
                () -> starting.setText(startTexts.text("status.startFailed", e.getMessage())));
          }
        });
  }

  private static SessionStart.Opened waitFor(SessionStart start) throws SessionException {
    try {
      return start.opened().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SessionException failure) {
        throw failure;
      }
      throw new SessionException("The session could not start: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SessionException("Interrupted while the session started", e);
    }
  }

  private void showMain(Stage stage) {
    if (shutDown) {
      return; // closed while the session was starting
    }
    DesktopSettings settings = new DesktopSettings(database.settings());
    Texts texts = Texts.forLocale(settings.language(options.systemLocale()));
    CallAudioProvider audio = opened.audio();
    CorePhone phone = opened.phone(); // its accounts are registering already
    AccountsViewModel accounts = new AccountsViewModel(texts);
    // Tests that bring their own audio have no sound devices to ring on either.
    Ringer ringer =
        options.audio().isPresent()
            ? Ringer.silent()
            : new DeviceRinger(new AudioDevices(new JavaSoundGateway()), settings::devices);
    CallsViewModel calls = new CallsViewModel(phone, background, Platform::runLater, texts, ringer);
    calls.recording().saveIn(options.profile().resolve("recordings"));
    HistoryViewModel history =
        new HistoryViewModel(
            database.callLog(),
            calls,
            background,
            Platform::runLater,
            texts,
            ZoneId.systemDefault());
    ContactsViewModel contacts =
        new ContactsViewModel(database.contacts(), calls, background, Platform::runLater, texts);
    CoreMessenger messenger = opened.messenger();
    ChatsViewModel chats =
        new ChatsViewModel(
            database.chatHistory(), messenger, background, Platform::runLater, texts);
    chats.sendTypingWith(new ComposingNotifier(messenger, System::nanoTime, new FxTimer()));
    DesktopAlerts alerts = new DesktopAlerts(notifier, settings, background, texts);
    chats.alertWith(alerts);
    CorePresence presenceAdapter = new CorePresence(Platform::runLater);
    PresenceViewModel presence = new PresenceViewModel(presenceAdapter, texts);
    calls.setCallEndedListener(history::reload);
    WindowAttention.attach(
        stage, TITLE, texts, calls.incomingShownProperty(), chats.unreadTotalProperty());
    phone.deliverTo(calls, accounts);
    messenger.deliverTo(chats);
    presenceAdapter.deliverTo(presence);
    // Every contact with a SIP address is watched, also ones added later.
    contacts
        .contacts()
        .addListener(
            (javafx.collections.ListChangeListener<org.parley.core.contacts.Contact>)
                change -> presence.watchAll(contacts.contacts()));

    MainView view =
        new MainView(
            texts,
            accounts,
            calls,
            contacts,
            history,
            chats,
            presence,
            new MainView.Commands() {
              @Override
              public void openSettings() {
                styled(
                    settingsView(settings, texts, accounts, phone, messenger)
                        .show(stage)
                        .getScene());
              }

              @Override
              public void showAbout() {
                Alert alert = new Alert(Alert.AlertType.INFORMATION);
                alert.initOwner(stage);
                alert.setTitle(texts.text("ui.menu.about"));
                alert.setHeaderText(TITLE);
                alert.setContentText(texts.text("ui.about.version", VersionProvider.version()));
                alert.show();
              }

              @Override
              public void quit() {
                stage.close();
                Platform.exit();
              }
            });
    Function<Account, VoicemailTab> voicemailOf =
        first ->
            new VoicemailTab(
                new VoicemailTab.Parts(
                    options.profile(),
                    first,
                    session.embeddedServerHttpPort(),
                    new VoicemailApiSettings(database.settings()).address(first.addressOfRecord()),
                    audio,
                    calls,
                    contacts.contacts(),
                    background,
                    texts));
    session
        .firstAccount()
        .ifPresent(
            first -> {
              voicemailTab = voicemailOf.apply(first);
              voicemailTab.addTo(view, texts);
            });
    // Editing or removing the first account in the settings replaces the Account object that
    // presence and voicemail used; off the UI thread, like the edit itself.
    followFirstAccount =
        () -> {
          Optional<Account> first = session.firstAccount();
          presenceAdapter.follow(first);
          first.ifPresent(
              account ->
                  Platform.runLater(
                      () -> {
                        VoicemailTab current = voicemailTab;
                        if (current == null) {
                          voicemailTab = voicemailOf.apply(account);
                          voicemailTab.addTo(view, texts);
                        } else if (current.account() != account) {
                          voicemailTab = current.handOverTo(voicemailOf.apply(account), texts);
                        }
                      }));
        };
    openFromNotifications(stage, view, chats);
    calls.setMissedCallListener(
        caller -> {
          if (!stage.isFocused() || stage.isIconified()) {
            alerts.missedCall(caller);
          }
        });
    mainScene = new Scene(view.root(), WIDTH, HEIGHT);
    settings
        .awayAfter()
        .ifPresent(after -> presenceAdapter.awayWhenIdle(InputIdleSource.of(mainScene), after));
    stage.setScene(mainScene);
    applyTheme(settings.theme());

    if (session.accounts().isEmpty()) {
      accounts.onNoAccount();
    }
    presenceAdapter.follow(session.firstAccount());
    opened.uiEvents().release();
    history.reload();
    chats.reload();
    contacts.reload();
    links.drainTo(arguments -> Platform.runLater(() -> openLinks(stage, calls, arguments)));
    LOG.info("Main window shown");
  }

  // The open conversation counts as seen only while its window is in front with the chats shown;
  // a click on a notification brings the window up (for a chat, with that conversation open).
  private void openFromNotifications(Stage stage, MainView view, ChatsViewModel chats) {
    chats
        .onScreenProperty()
        .bind(
            stage
                .focusedProperty()
                .and(stage.iconifiedProperty().not())
                .and(view.chatsShownProperty()));
    notifier.onActivated(
        notification ->
            Platform.runLater(
                () -> {
                  stage.setIconified(false);
                  stage.toFront();
                  if (notification.kind() == DesktopNotification.Kind.CHAT_MESSAGE) {
                    view.showChats();
                    chats.open(notification.tag());
                  }
                }));
  }

  // A later launch raises the window; its links (sip:, tel:) are called as typed into the dial
  // field, a tel: number at the first account's domain, also during a call (which is held).
  private void openLinks(Stage stage, CallsViewModel calls, List<String> arguments) {
    stage.setIconified(false);
    stage.toFront();
    String domain =
        session
            .firstAccount()
            .map(account -> account.addressOfRecord().replaceFirst("^.*@", ""))
            .orElse("localhost");
    for (String argument : arguments) {
      try {
        calls.callAlongside(CallLink.parse(argument).target(domain));
      } catch (IllegalArgumentException e) {
        calls.showDialError(e.getMessage());
      }
    }
  }

  private SettingsView settingsView(
      DesktopSettings settings,
      Texts texts,
      AccountsViewModel accounts,
      CorePhone phone,
      CoreMessenger messenger) {
    SettingsViewModel preferences =
        new SettingsViewModel(
            settings,
            kind ->
                new AudioDevices(new JavaSoundGateway())
                    .list(kind).stream().map(AudioDevice::name).toList(),
            () ->
                FfmpegCodecs.defaultRegistry().all().stream()
                    .map(AudioCodec::encodingName)
                    .distinct()
                    .toList(),
            background,
            Platform::runLater,
            texts,
            this::applyTheme);
    CallEncryptionViewModel encryption =
        new CallEncryptionViewModel(callPolicies(), background, Platform::runLater, texts);
    AddAccountViewModel addAccount =
        new AddAccountViewModel(
            new TrialRegistration(TRIAL_TIMEOUT),
            new ProfileAccounts(
                session,
                new ProfileAccounts.Listeners() {
                  @Override
                  public void attach(Account account) {
                    messenger.attach(account);
                    phone.attach(account);
                    applyCallPolicies();
                    followFirstAccount.run();
                    encryption.load();
                  }

                  @Override
                  public void detach(Account account) {
                    phone.detach(account);
                    messenger.detach(account);
                  }
                },
                aor -> {
                  followFirstAccount.run();
                  encryption.load();
                  Platform.runLater(() -> accounts.onRemoved(aor));
                }),
            background,
            Platform::runLater,
            texts);
    return new SettingsView(texts, preferences, accounts, addAccount)
        .showingPasswordStorage(
            credentialStore.description(), CredentialStores.warning(credentialStore).isPresent())
        .showingCallEncryption(encryption);
  }

  // Before the first call; a profile that cannot be read here fails the start elsewhere, so this
  // only logs and leaves the accounts on plain RTP.
  private void applyCallPolicies() {
    try {
      callPolicies().applyStored();
    } catch (StoreException e) {
      LOG.warn("The accounts' call encryption could not be read; calls use plain RTP", e);
    }
  }

  private AccountCallPolicies callPolicies() {
    return new AccountCallPolicies(
        database.accounts(), new DesktopSettings(database.settings()), session::accounts);
  }

  /** The embedded server's SIP port once the session runs, for tests that call in. */
  Optional<Integer> embeddedServerPort() {
    DesktopSession running = session;
    return running == null ? Optional.empty() : running.embeddedServerPort();
  }

  private void applyTheme(DesktopSettings.Theme chosen) {
    theme = chosen;
    Application.setUserAgentStylesheet(
        chosen == DesktopSettings.Theme.DARK
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
    // The settings window too, if it is open.
    Window.getWindows().stream()
        .map(Window::getScene)
        .filter(scene -> scene != null)
        .forEach(this::styled);
  }

  // Parley's own stylesheet paints a light background, so it only goes with the light looks; high
  // contrast overrides Primer Light's and Parley's colours on top of both.
  private Scene styled(Scene scene) {
    String parley = BundledResource.named("css/parley.css").url().toExternalForm();
    String highContrast = HIGH_CONTRAST_CSS.toExternalForm();
    scene.getStylesheets().removeAll(parley, highContrast);
    if (theme != DesktopSettings.Theme.DARK) {
      scene.getStylesheets().add(parley);
    }
    if (theme == DesktopSettings.Theme.HIGH_CONTRAST) {
      scene.getStylesheets().add(highContrast);
    }
    return scene;
  }

  /**
   * Ends calls, un-registers, stops the embedded server and closes the profile, off the FX thread.
   */
  public CompletableFuture<Void> shutdown() {
    shutDown = true;
    return CompletableFuture.runAsync(
            () -> {
              if (voicemailTab != null) {
                voicemailTab.close();
              }
              notifier.close();
              if (session != null) {
                session.close();
              }
              if (database != null) {
                database.close();
              }
            },
            background)
        .whenComplete((ignored, error) -> background.shutdown());
  }
}
