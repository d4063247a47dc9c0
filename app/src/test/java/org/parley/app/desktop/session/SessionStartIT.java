package org.parley.app.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.desktop.HeadlessAgent;
import org.parley.app.desktop.viewmodel.AccountsViewModel;
import org.parley.app.desktop.viewmodel.AccountsViewModel.Status;
import org.parley.app.desktop.viewmodel.Texts;
import org.parley.core.account.Account;
import org.parley.core.account.RegistrationEvent;
import org.parley.core.account.RegistrationState;
import org.parley.core.call.Call;
import org.parley.core.call.CallEvent;
import org.parley.core.call.CallMedia;
import org.parley.media.codec.AudioCodec;

/** A first-run profile (embedded server, local account) opened with no UI around it. */
class SessionStartIT {

  // The desktop's own audio is never asked for: these tests answer through the core directly.
  private static final CallAudioProvider NO_CALLS =
      () -> {
        throw new IllegalStateException("This test makes no call audio");
      };

  @TempDir Path profile;

  private final BlockingQueue<Runnable> uiThread = new LinkedBlockingQueue<>();
  private SessionStart.Opened opened;

  @AfterEach
  void close() {
    if (opened != null) {
      opened.session().close();
      opened.database().close();
    }
  }

  @Test
  void registersBeforeTheViewsExistAndTellsThemOnceReleased() throws Exception {
    SessionStart start =
        SessionStart.begin(profile, Optional.of(settings -> NO_CALLS), uiThread::add);
    opened = start.opened().get(60, TimeUnit.SECONDS);
    Account account = opened.session().accounts().get(0);

    awaitRegistered(account);
    // Registered at the embedded server, yet nothing went to the UI thread: no view is there.
    assertThat(uiThread).isEmpty();

    AccountsViewModel accounts = new AccountsViewModel(Texts.forLocale(Locale.ENGLISH));
    opened.phone().deliverTo(null, accounts);
    opened.uiEvents().release();
    for (Runnable task = uiThread.poll(); task != null; task = uiThread.poll()) {
      task.run();
    }

    assertThat(accounts.accounts())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.addressOfRecord()).isEqualTo(account.addressOfRecord());
              assertThat(line.status()).isEqualTo(Status.REGISTERED);
            });
  }

  /**
   * The account registered without FFmpeg's natives (its policy's codec list is made on first use),
   * so an Opus-only offer that arrives at once must make that list, pass the 488 check and be
   * answered with Opus.
   */
  @Test
  void anOpusOfferRightAfterTheStartIsAnsweredWithOpus() throws Exception {
    SessionStart start =
        SessionStart.begin(profile, Optional.of(settings -> NO_CALLS), uiThread::add);
    opened = start.opened().get(60, TimeUnit.SECONDS);
    Account me = opened.session().accounts().get(0);
    awaitRegistered(me);
    me.addCallListener(
        event -> {
          if (event instanceof CallEvent.IncomingCall incoming) {
            incoming.call().answer(CallMedia.silent());
          }
        });
    int port = opened.session().embeddedServerPort().orElseThrow();

    try (HeadlessAgent bob = HeadlessAgent.register(profile, port, "bob")) {
      CallMedia silent = CallMedia.silent();
      List<AudioCodec> opusOnly =
          silent.codecs().stream()
              .filter(codec -> codec.encodingName().equalsIgnoreCase("opus"))
              .toList();

      bob.account.call(
          me.addressOfRecord(), new CallMedia(silent.source(), silent.sink(), opusOnly, false));

      assertThat(bob.calls.next(CallEvent.CallEstablished.class).codec())
          .isEqualToIgnoringCase("opus");
      bob.account.activeCalls().forEach(Call::hangUp);
    }
  }

  @Test
  void aProfileThatCannotBeOpenedFailsTheStartWithASessionException() throws Exception {
    Path notAFolder = profile.resolve("file");
    Files.writeString(notAFolder, "not a profile");

    SessionStart start =
        SessionStart.begin(notAFolder, Optional.of(settings -> null), uiThread::add);

    assertThat(start.opened())
        .failsWithin(60, TimeUnit.SECONDS)
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(SessionException.class);
  }

  private static void awaitRegistered(Account account) throws InterruptedException {
    CountDownLatch registered = new CountDownLatch(1);
    account.addRegistrationListener(
        event -> {
          if (event instanceof RegistrationEvent.Registered) {
            registered.countDown();
          }
        });
    // The 200 may have come before the listener: then the state says so.
    if (account.registrationState() != RegistrationState.REGISTERED) {
      assertThat(registered.await(30, TimeUnit.SECONDS)).isTrue();
    }
  }
}
