package org.parley.os.notifications;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.parley.os.notifications.FreedesktopNotifications.ActionInvoked;
import org.parley.os.notifications.FreedesktopNotifications.NotificationClosed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows notifications through the freedesktop notification service on the D-Bus session bus (GNOME
 * Shell, KDE Plasma, dunst, mako, xfce4-notifyd...), and hands a click on one back to the app.
 * Every bus call runs on the notifier's one thread; callers only queue.
 */
public final class DbusDesktopNotifier implements DesktopNotifier {

  /** The name the server shows for us (and may group by). */
  public static final String APP_NAME = "Parley";

  /** The action key the specification gives a click on the notification itself. */
  static final String DEFAULT_ACTION = "default";

  // Servers that draw the default action as a button label it so.
  private static final String OPEN_LABEL = "Open";
  private static final Logger LOG = LoggerFactory.getLogger(DbusDesktopNotifier.class);
  // Notifications that cannot go out at once are dropped past this: a burst is not worth a backlog.
  private static final int QUEUE_LIMIT = 16;
  private static final int REMEMBERED_LIMIT = 64;
  private static final int NO_REPLACE = 0;
  private static final int SERVER_DECIDES_EXPIRY = -1;

  private final DBusConnection connection;
  private final FreedesktopNotifications service;
  private final boolean markup;
  private final ThreadPoolExecutor worker;
  // Server id -> what was shown, for the clicks; entries leave when the server says the
  // notification closed,
  // and the oldest go past a limit, for servers that never say so.
  private final Map<Long, DesktopNotification> shown =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, DesktopNotification> eldest) {
              return size() > REMEMBERED_LIMIT;
            }
          });
  private final AtomicBoolean failureLogged = new AtomicBoolean();
  private volatile boolean closed;
  private volatile Consumer<DesktopNotification> activated = notification -> {};

  private DbusDesktopNotifier(
      DBusConnection connection,
      FreedesktopNotifications service,
      boolean markup,
      ThreadPoolExecutor worker) {
    this.connection = connection;
    this.service = service;
    this.markup = markup;
    this.worker = worker;
  }

  /**
   * Connects to the session bus at {@code busAddress} and asks its notification service what it can
   * show; the caller waits at most {@code timeout} and never on the bus itself.
   *
   * @return empty when there is no bus, no notification service on it, or no answer in time
   */
  public static Optional<DbusDesktopNotifier> connect(String busAddress, Duration timeout) {
    ThreadPoolExecutor worker = newWorker();
    Optional<Path> socket = socketPath(busAddress);
    if (socket.isPresent() && !Files.exists(socket.get())) {
      LOG.debug("No D-Bus session bus at {}", busAddress);
      worker.shutdownNow();
      return Optional.empty();
    }
    Future<DbusDesktopNotifier> connecting =
        worker.submit(() -> open(busAddress, (int) timeout.toMillis(), worker));
    try {
      return Optional.of(connecting.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      LOG.debug("The desktop notification service did not answer within {} ms", timeout.toMillis());
    } catch (ExecutionException e) {
      LOG.debug("No desktop notification service here: {}", e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    connecting.cancel(true);
    worker.shutdownNow();
    return Optional.empty();
  }

  // dbus-java keeps trying a socket that is not there until its connect timeout (10 s by default).
  // Only a single "unix:path=..." address is checked; alternatives (";") are left to dbus-java.
  private static Optional<Path> socketPath(String busAddress) {
    if (!busAddress.startsWith("unix:") || busAddress.contains(";")) {
      return Optional.empty();
    }
    for (String keyValue : busAddress.substring("unix:".length()).split(",")) {
      if (keyValue.startsWith("path=")) {
        return Optional.of(Path.of(keyValue.substring("path=".length())));
      }
    }
    return Optional.empty();
  }

  private static DbusDesktopNotifier open(
      String busAddress, int connectTimeoutMillis, ThreadPoolExecutor worker)
      throws DBusException, IOException {
    DBusConnection connection =
        DBusConnectionBuilder.forAddress(busAddress)
            .withShared(false)
            .transportConfig()
            .withTimeout(connectTimeoutMillis)
            .back()
            .build();
    try {
      FreedesktopNotifications service =
          connection.getRemoteObject(
              FreedesktopNotifications.BUS_NAME,
              FreedesktopNotifications.OBJECT_PATH,
              FreedesktopNotifications.class);
      List<String> capabilities = service.GetCapabilities();
      DbusDesktopNotifier notifier =
          new DbusDesktopNotifier(
              connection, service, capabilities.contains("body-markup"), worker);
      connection.addSigHandler(ActionInvoked.class, service, notifier::onAction);
      connection.addSigHandler(NotificationClosed.class, service, notifier::onClosed);
      LOG.info("Desktop notifications go to the session bus's service ({})", capabilities);
      return notifier;
    } catch (DBusException | DBusExecutionException e) {
      connection.close();
      throw new IOException(e.getMessage(), e);
    }
  }

  private static ThreadPoolExecutor newWorker() {
    return new ThreadPoolExecutor(
        1,
        1,
        0,
        TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(QUEUE_LIMIT),
        runnable -> {
          Thread thread = new Thread(runnable, "parley-notifications");
          thread.setDaemon(true);
          return thread;
        },
        (dropped, executor) -> LOG.debug("A desktop notification was dropped: too many queued"));
  }

  @Override
  public void show(DesktopNotification notification) {
    worker.execute(() -> send(notification));
  }

  private void send(DesktopNotification notification) {
    try {
      UInt32 id =
          service.Notify(
              APP_NAME,
              new UInt32(NO_REPLACE),
              "",
              NotificationText.summary(notification.summary()),
              NotificationText.body(notification.text(), markup),
              List.of(DEFAULT_ACTION, OPEN_LABEL),
              Map.of("category", new Variant<>(notification.kind().category())),
              SERVER_DECIDES_EXPIRY);
      shown.put(id.longValue(), notification);
    } catch (DBusExecutionException e) {
      // The first failure says why; a service that went away would otherwise log every message.
      // A call cut short by close() is no failure worth a warning.
      if (!closed && failureLogged.compareAndSet(false, true)) {
        LOG.warn("A desktop notification could not be shown: {}", e.getMessage());
      } else {
        LOG.debug("A desktop notification could not be shown: {}", e.getMessage());
      }
    }
  }

  private void onAction(ActionInvoked signal) {
    if (!DEFAULT_ACTION.equals(signal.actionKey())) {
      return;
    }
    DesktopNotification notification = shown.get(signal.id().longValue());
    if (notification != null) {
      activated.accept(notification);
    }
  }

  private void onClosed(NotificationClosed signal) {
    shown.remove(signal.id().longValue());
  }

  @Override
  public void onActivated(Consumer<DesktopNotification> handler) {
    activated = handler;
  }

  /** Whether the server interprets markup in bodies, so they go out escaped. */
  boolean escapesBodies() {
    return markup;
  }

  @Override
  public String description() {
    return "Desktop notifications through the session bus's " + FreedesktopNotifications.BUS_NAME;
  }

  @Override
  public void close() {
    closed = true;
    worker.shutdownNow();
    try {
      connection.close();
    } catch (IOException e) {
      LOG.debug("The session bus connection did not close cleanly", e);
    }
  }
}
