package org.parley.app.desktop.session;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.parley.core.credentials.CredentialStore;
import org.parley.core.store.sqlite.ProfileDatabase;
import org.parley.media.device.AudioDevices;
import org.parley.media.device.JavaSoundGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the profile, the credential store and the softphone on threads of its own and registers the
 * accounts at once, so that registration waits for neither the toolkit nor the window.
 *
 * <p>Registration and call events from before the views exist are held (see {@link HeldExecutor})
 * until {@link Opened#uiEvents()} is released.
 */
public final class SessionStart {

  private static final Logger LOG = LoggerFactory.getLogger(SessionStart.class);

  /**
   * What the desktop app runs on once the session is open.
   *
   * @param database the profile database
   * @param credentialStore where passwords are kept
   * @param session the softphone with its accounts, registering
   * @param audio makes each call's audio
   * @param phone the accounts' calls and registration events, held for the UI until {@code
   *     uiEvents} is released
   * @param messenger the accounts' messages, recorded at once (a registration brings the ones
   *     stored while offline), their events held for the UI like the phone's
   * @param uiEvents releases {@code phone}'s events to the UI thread
   */
  public record Opened(
      ProfileDatabase database,
      CredentialStore credentialStore,
      DesktopSession session,
      CallAudioProvider audio,
      CorePhone phone,
      CoreMessenger messenger,
      HeldExecutor uiEvents) {}

  private final CompletableFuture<Opened> opened;

  private SessionStart(CompletableFuture<Opened> opened) {
    this.opened = opened;
  }

  /**
   * Starts opening {@code profile} now.
   *
   * @param audio makes each call's audio from the settings; empty: the chosen sound devices
   * @param ui the UI thread, where the accounts' events go once released
   */
  public static SessionStart begin(
      Path profile, Optional<Function<DesktopSettings, CallAudioProvider>> audio, Executor ui) {
    // FFmpeg's natives (0.3-1 s, 15 MB resident) load at the first call or offer, not here: an
    // account registers without them (CallPolicy.defaults makes its codec list on first use).
    CompletableFuture<Opened> opened = new CompletableFuture<>();
    daemon("parley-start", () -> open(profile, audio, ui, opened)).start();
    return new SessionStart(opened);
  }

  /** Completes with the open session, or with a {@link SessionException}. */
  public CompletableFuture<Opened> opened() {
    return opened;
  }

  /**
   * Un-registers and closes what opened, waiting up to {@code timeoutSeconds} for it to open: for a
   * start whose window never came up.
   */
  public void abandon(long timeoutSeconds) {
    try {
      Opened open = opened.get(timeoutSeconds, TimeUnit.SECONDS);
      open.session().close();
      open.database().close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("Nothing to close: the session did not open", e);
    }
  }

  private static void open(
      Path profile,
      Optional<Function<DesktopSettings, CallAudioProvider>> audioFactory,
      Executor ui,
      CompletableFuture<Opened> result) {
    long startNanos = System.nanoTime();
    try {
      ProfileDatabase database = DesktopSession.openDatabase(profile);
      CredentialStore credentialStore = DesktopSession.credentialStore(profile);
      LOG.info("Profile and credential store open after {} ms", millisSince(startNanos));
      DesktopSession session = DesktopSession.start(profile, database, credentialStore);
      DesktopSettings settings = new DesktopSettings(database.settings());
      CallAudioProvider audio =
          audioFactory
              .map(factory -> factory.apply(settings))
              .orElseGet(
                  () ->
                      new DeviceAudioProvider(
                          new AudioDevices(new JavaSoundGateway()),
                          settings::devices,
                          settings::codecOrder));
      HeldExecutor uiEvents = new HeldExecutor(ui);
      CorePhone phone = new CorePhone(audio, uiEvents);
      CoreMessenger messenger = new CoreMessenger(database.chatHistory(), uiEvents);
      session.accounts().forEach(messenger::attach);
      session.accounts().forEach(phone::attach);
      LOG.info(
          "Registering {} account(s) {} ms after the start began",
          session.accounts().size(),
          millisSince(startNanos));
      result.complete(
          new Opened(database, credentialStore, session, audio, phone, messenger, uiEvents));
    } catch (SessionException e) {
      result.completeExceptionally(e);
    } catch (RuntimeException e) {
      // A thread root: the app shows the failure; nothing else would hear of it.
      result.completeExceptionally(new SessionException("The session could not start", e));
    }
  }

  private static Thread daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
