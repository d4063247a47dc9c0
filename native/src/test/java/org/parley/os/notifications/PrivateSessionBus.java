package org.parley.os.notifications;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A D-Bus session bus of the test's own, with no activatable services at all (so a notification
 * daemon installed on the machine is never started behind the test's back).
 */
final class PrivateSessionBus implements AutoCloseable {

  private final String address;
  private final long pid;

  private PrivateSessionBus(String address, long pid) {
    this.address = address;
    this.pid = pid;
  }

  static PrivateSessionBus start(Path folder) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/dbus-daemon")), "dbus-daemon is missing");
    Files.createDirectories(folder);
    String address = "unix:path=" + folder.resolve("bus");
    Path config = folder.resolve("session.conf");
    Files.writeString(
        config,
        """
        <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
          "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
        <busconfig>
          <type>session</type>
          <listen>%s</listen>
          <auth>EXTERNAL</auth>
          <policy context="default">
            <allow send_destination="*" eavesdrop="true"/>
            <allow eavesdrop="true"/>
            <allow own="*"/>
          </policy>
        </busconfig>
        """
            .formatted(address),
        StandardCharsets.UTF_8);
    Process bus =
        new ProcessBuilder(
                "/usr/bin/dbus-daemon",
                "--config-file=" + config,
                "--fork",
                "--print-pid=1",
                "--nosyslog")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!bus.waitFor(20, TimeUnit.SECONDS) || bus.exitValue() != 0) {
      bus.destroyForcibly();
      throw new IOException("dbus-daemon did not start");
    }
    long pid = Long.parseLong(new String(bus.getInputStream().readAllBytes()).strip());
    return new PrivateSessionBus(address, pid);
  }

  /** The value of {@code DBUS_SESSION_BUS_ADDRESS} that reaches this bus. */
  String address() {
    return address;
  }

  @Override
  public void close() {
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
  }
}
