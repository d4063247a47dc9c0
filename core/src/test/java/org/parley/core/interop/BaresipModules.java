package org.parley.core.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.parley.server.sip.BaresipAgent;

/**
 * Modules and contacts a running baresip 1.0 agent gets beyond what {@link BaresipAgent}
 * configures: {@code insmod} loads a module at run time, and {@code contact} reads the agent's
 * contacts file when it loads.
 */
final class BaresipModules {

  private static final Duration COMMAND_DEADLINE = Duration.ofSeconds(10);
  private static final Pattern ANSI_COLOUR = Pattern.compile("\u001B\\[[0-9;]*m");

  private BaresipModules() {}

  /** Whether baresip's module {@code name} is installed. */
  static boolean installed(String name) {
    return Files.isRegularFile(Path.of("/usr/lib/baresip/modules", name + ".so"));
  }

  /**
   * Loads module {@code name} into {@code agent}.
   *
   * @throws IOException when baresip reports an error (its response is "ok" even then)
   */
  static void load(BaresipAgent agent, String name) throws IOException, InterruptedException {
    String answer = agent.command("insmod", name + ".so", COMMAND_DEADLINE);
    if (!answer.contains("loaded module")) {
      throw new IOException("insmod " + name + ": " + answer.trim() + "; " + agent.describe());
    }
  }

  /**
   * Writes the contacts file {@code contact} reads from the agent's folder: one line per contact,
   * e.g. {@code "Alice" <sip:alice@example.org>;presence=p2p}. The first becomes the current
   * contact, the one the {@code message} command writes to.
   */
  static void writeContacts(Path agentFolder, String... lines) throws IOException {
    Files.createDirectories(agentFolder);
    Files.writeString(
        agentFolder.resolve("contacts"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  /** The {@code contacts} listing, colours removed: one line per contact, with its presence. */
  static String contacts(BaresipAgent agent) throws IOException, InterruptedException {
    return ANSI_COLOUR.matcher(agent.command("contacts", null, COMMAND_DEADLINE)).replaceAll("");
  }
}
