package org.parley.os.notifications;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The part of the freedesktop Desktop Notifications Specification (1.2) Parley uses, as dbus-java
 * maps it: the service {@value #BUS_NAME} at {@value #OBJECT_PATH}.
 */
@DBusInterfaceName(FreedesktopNotifications.BUS_NAME)
public interface FreedesktopNotifications extends DBusInterface {

  /** The well-known bus name, which is also the interface name. */
  String BUS_NAME = "org.freedesktop.Notifications";

  /** Where the service's object lives. */
  String OBJECT_PATH = "/org/freedesktop/Notifications";

  /**
   * Shows a notification.
   *
   * @param actions pairs of action key and label; the key {@code "default"} is a click on the
   *     notification itself
   * @param expireTimeoutMillis -1 lets the server decide, 0 never expires
   * @return the server's id for it, which {@link ActionInvoked} and {@link NotificationClosed} name
   */
  UInt32 Notify(
      String appName,
      UInt32 replacesId,
      String appIcon,
      String summary,
      String body,
      List<String> actions,
      Map<String, Variant<?>> hints,
      int expireTimeoutMillis);

  /** What the server can show, such as {@code body-markup} and {@code actions}. */
  List<String> GetCapabilities();

  /** The user activated one of a notification's actions. */
  class ActionInvoked extends DBusSignal {
    private final UInt32 id;
    private final String actionKey;

    public ActionInvoked(String path, UInt32 id, String actionKey) throws DBusException {
      super(path, id, actionKey);
      this.id = id;
      this.actionKey = actionKey;
    }

    public UInt32 id() {
      return id;
    }

    public String actionKey() {
      return actionKey;
    }
  }

  /** A notification went away (expired, dismissed, or closed by the app). */
  class NotificationClosed extends DBusSignal {
    private final UInt32 id;
    private final UInt32 reason;

    public NotificationClosed(String path, UInt32 id, UInt32 reason) throws DBusException {
      super(path, id, reason);
      this.id = id;
      this.reason = reason;
    }

    public UInt32 id() {
      return id;
    }

    public UInt32 reason() {
      return reason;
    }
  }
}
