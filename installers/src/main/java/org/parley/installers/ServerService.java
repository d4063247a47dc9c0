package org.parley.installers;

/**
 * The DEB's systemd service for the SIP server, {@code parley-server.service}: the unit, and the
 * maintainer-script steps that install it, stop it and remove it. The package installs the unit but
 * does not enable it (the same package is the desktop client, and a server needs its domain set
 * first); docs/admin-guide.md says how to turn it on.
 */
final class ServerService {

  static final String UNIT_NAME = "parley-server.service";

  /** Where packages put their units (merged /usr makes it /usr/lib/systemd/system as well). */
  static final String UNIT_PATH = "/lib/systemd/system/" + UNIT_NAME;

  /** jpackage's default installation folder for a Linux package named {@code parley}. */
  static final String INSTALL_DIR = "/opt/parley";

  static final String USER = "parley";
  static final String DATA_DIR = "/var/lib/parley";
  static final String CONFIG_FILE = "/etc/parley/server.properties";

  private ServerService() {}

  /** The unit: the server launcher as an unprivileged user, restarted when it fails. */
  static String unit() {
    return "[Unit]\n"
        + "Description=Parley SIP server\n"
        + "After=network-online.target\n"
        + "Wants=network-online.target\n"
        + "\n"
        + "[Service]\n"
        + "User="
        + USER
        + "\n"
        + "Group="
        + USER
        + "\n"
        + "ExecStart="
        + INSTALL_DIR
        + "/bin/"
        + ServerLauncher.NAME
        + " --config "
        + CONFIG_FILE
        + " --data "
        + DATA_DIR
        + "\n"
        // Created and handed to the user by systemd before every start.
        + "StateDirectory=parley\n"
        + "StateDirectoryMode=0750\n"
        // SIGTERM lets the server finish its writes; the JVM then exits with 128 + 15.
        + "SuccessExitStatus=143\n"
        + "TimeoutStopSec=30\n"
        // -XX:+ExitOnOutOfMemoryError ends a server that can no longer answer; this brings it back.
        + "Restart=on-failure\n"
        + "RestartSec=2\n"
        + "LimitNOFILE=65536\n"
        + "NoNewPrivileges=yes\n"
        + "ProtectSystem=full\n"
        + "ProtectHome=yes\n"
        + "PrivateTmp=yes\n"
        + "\n"
        + "[Install]\n"
        + "WantedBy=multi-user.target\n";
  }

  /**
   * postinst, on configure: the user and its data folder, an empty settings file, the unit, and
   * systemd told.
   */
  static String postinstConfigure() {
    return "        if ! getent passwd "
        + USER
        + " >/dev/null; then\n"
        + "            adduser --system --group --quiet --no-create-home --home "
        + DATA_DIR
        + " "
        + USER
        + "\n"
        + "        fi\n"
        // Before the first start too: an administrator adds users as this user (admin guide).
        + "        install -d -o "
        + USER
        + " -g "
        + USER
        + " -m 0750 "
        + DATA_DIR
        + "\n"
        + "        mkdir -p /etc/parley\n"
        + "        if [ ! -e "
        + CONFIG_FILE
        + " ]; then\n"
        + "            echo '# Parley server settings, one key=value a line: see docs/server-config.md'"
        + " > "
        + CONFIG_FILE
        + "\n"
        + "        fi\n"
        + "        mkdir -p /lib/systemd/system\n"
        + "        cat > "
        + UNIT_PATH
        + " <<'PARLEY_UNIT'\n"
        + unit()
        + "PARLEY_UNIT\n"
        + "        if [ -d /run/systemd/system ]; then\n"
        + "            systemctl daemon-reload || true\n"
        // After an upgrade a running server goes on with the new version; a stopped one stays so.
        + "            systemctl try-restart "
        + UNIT_NAME
        + " || true\n"
        + "        fi\n";
  }

  /** prerm, on remove: the service stops and leaves the boot sequence. */
  static String prermRemove() {
    return "        if [ \"$1\" = remove ]; then\n"
        + "            if [ -d /run/systemd/system ]; then\n"
        + "                systemctl stop "
        + UNIT_NAME
        + " || true\n"
        + "            fi\n"
        + "            systemctl disable "
        + UNIT_NAME
        + " >/dev/null 2>&1 || true\n"
        + "        fi\n";
  }

  /**
   * postrm, on remove and purge: the unit goes (postinst wrote it, so dpkg does not know it); purge
   * also takes the settings file. The data folder (users, voicemail) is kept, like the user.
   */
  static String postrmRemove() {
    return "        rm -f "
        + UNIT_PATH
        + "\n"
        + "        if [ -d /run/systemd/system ]; then\n"
        + "            systemctl daemon-reload || true\n"
        + "        fi\n"
        + "        if [ \"$1\" = purge ]; then\n"
        + "            rm -f "
        + CONFIG_FILE
        + "\n"
        + "            rmdir /etc/parley 2>/dev/null || true\n"
        + "        fi\n";
  }
}
