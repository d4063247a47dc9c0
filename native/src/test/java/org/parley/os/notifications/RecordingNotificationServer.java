package org.parley.os.notifications;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * Stands in for a desktop's notification daemon: owns {@code org.freedesktop.Notifications} on a
 * private bus and records each Notify call as it arrived on the wire.
 */
final class RecordingNotificationServer implements FreedesktopNotifications, AutoCloseable {

  /** One Notify call's arguments. */
  record Notified(
      long id,
      String appName,
      String summary,
      String body,
      List<String> actions,
      Map<String, Variant<?>> hints) {}

  private final DBusConnection connection;
  private final List<String> capabilities;
  private final BlockingQueue<Notified> received = new LinkedBlockingQueue<>();
  private final AtomicInteger nextId = new AtomicInteger(40);

  private RecordingNotificationServer(DBusConnection connection, List<String> capabilities) {
    this.connection = connection;
    this.capabilities = capabilities;
  }

  static RecordingNotificationServer on(String busAddress, List<String> capabilities)
      throws DBusException {
    DBusConnection connection =
        DBusConnectionBuilder.forAddress(busAddress).withShared(false).build();
    RecordingNotificationServer server = new RecordingNotificationServer(connection, capabilities);
    connection.exportObject(OBJECT_PATH, server);
    connection.requestBusName(BUS_NAME);
    return server;
  }

  @Override
  public UInt32 Notify(
      String appName,
      UInt32 replacesId,
      String appIcon,
      String summary,
      String body,
      List<String> actions,
      Map<String, Variant<?>> hints,
      int expireTimeoutMillis) {
    long id = nextId.incrementAndGet();
    received.add(new Notified(id, appName, summary, body, List.copyOf(actions), Map.copyOf(hints)));
    return new UInt32(id);
  }

  @Override
  public List<String> GetCapabilities() {
    return capabilities;
  }

  @Override
  public String getObjectPath() {
    return OBJECT_PATH;
  }

  /** The next Notify call, waiting up to 10 s for it. */
  Notified next() throws InterruptedException {
    Notified next = received.poll(10, TimeUnit.SECONDS);
    if (next == null) {
      throw new AssertionError("No Notify call arrived within 10 s");
    }
    return next;
  }

  /** Sends the signal a notification daemon sends when the user clicks a notification. */
  void click(long id, String actionKey) throws DBusException {
    connection.sendMessage(new ActionInvoked(OBJECT_PATH, new UInt32(id), actionKey));
  }

  @Override
  public void close() throws IOException {
    connection.close();
  }
}
