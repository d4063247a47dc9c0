package org.parley.app.cli;

import java.nio.file.Path;
import org.parley.app.logging.LogFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parley server}: runs the bundled SIP server in the foreground. */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = "Run the bundled SIP server (registrar, proxy, presence, voicemail).")
final class ServerCommand extends PendingCommand {

  private static final Logger LOG = LoggerFactory.getLogger(ServerCommand.class);

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Folder for the server's database, recordings and logs (default: ./parley-data).")
  Path data = Path.of("parley-data");

  @Override
  String feature() {
    return "the SIP server";
  }

  @Override
  public Integer call() {
    Path logFile = LogFiles.writeTo(data.resolve("logs"), "server.log");
    LOG.warn("parley server was started, but the SIP server is not available yet in this build");
    spec.commandLine().getErr().printf("parley server: log file %s%n", logFile);
    return super.call();
  }
}
