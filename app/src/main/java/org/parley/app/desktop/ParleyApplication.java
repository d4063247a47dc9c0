package org.parley.app.desktop;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.stage.Stage;
import org.parley.app.desktop.session.SessionStart;
import org.parley.app.link.LinkInbox;
import org.parley.core.profile.UserDataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: one main window over the user's profile. */
public final class ParleyApplication extends Application {

  private static final Logger LOG = LoggerFactory.getLogger(ParleyApplication.class);
  private static final long SHUTDOWN_SECONDS = 10;

  private static volatile LinkInbox links = new LinkInbox();
  private static volatile SessionStart session;

  private DesktopApp app;

  /** Where links to call come from; set before the launch (JavaFX makes this class itself). */
  static void takeLinksFrom(LinkInbox inbox) {
    links = inbox;
  }

  /** The session that began opening while the toolkit started; set before the launch. */
  static void takeSessionFrom(SessionStart started) {
    session = started;
  }

  @Override
  public void start(Stage stage) {
    app =
        new DesktopApp(
            new DesktopApp.Options(
                UserDataDirectory.forCurrentUser(), Locale.getDefault(), Optional.empty()));
    app.openLinksFrom(links);
    if (session != null) {
      app.openSessionFrom(session);
    }
    app.start(stage);
  }

  @Override
  public void stop() {
    if (app == null) {
      return;
    }
    try {
      // The un-REGISTERs take a round trip; exiting without them leaves stale bindings behind.
      app.shutdown().get(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("The desktop app did not shut down cleanly", e);
    }
  }
}
