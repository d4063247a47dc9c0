package org.parley.os.notifications;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.parley.os.SessionBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks how this machine shows desktop notifications: the freedesktop service on the session bus
 * when one answers, else a silent notifier (logged once, never shown to the user as an error).
 */
public final class DesktopNotifiers {

  /** How long start-up waits for the session bus and its notification service. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifiers.class);
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private DesktopNotifiers() {}

  /**
   * The notifier for this machine. Blocks for up to {@link #CONNECT_TIMEOUT}, so call it off the UI
   * thread.
   *
   * @param environment on Linux, where the session bus is (see {@link SessionBus})
   */
  public static DesktopNotifier forThisMachine(Map<String, String> environment) {
    String os = System.getProperty("os.name", "unknown");
    if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
      return silent("Parley cannot show notifications on " + os + " yet");
    }
    return onSessionBus(environment, CONNECT_TIMEOUT);
  }

  static DesktopNotifier onSessionBus(Map<String, String> environment, Duration timeout) {
    return SessionBus.address(environment)
        .map(
            address ->
                DbusDesktopNotifier.connect(address, timeout)
                    .<DesktopNotifier>map(notifier -> notifier)
                    .orElseGet(
                        () -> silent("no notification service answered on the D-Bus session bus")))
        .orElseGet(
            () ->
                silent(
                    "no D-Bus session bus ("
                        + SessionBus.ADDRESS_VARIABLE
                        + " is not set and there is no $XDG_RUNTIME_DIR/bus)"));
  }

  private static DesktopNotifier silent(String why) {
    if (WARNED.compareAndSet(false, true)) {
      LOG.info("Desktop notifications are off: {}", why);
    }
    return new SilentDesktopNotifier(why);
  }
}
