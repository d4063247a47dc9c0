package org.parley.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.parley.app.logging.LogFiles;
import org.parley.server.ParleyServer;
import org.parley.server.ServerStartException;
import org.parley.server.config.ConfigException;
import org.parley.server.config.ServerConfig;
import org.parley.server.config.ServerConfigFile;
import org.parley.server.config.ServerConfigOverrides;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code parley server}: runs the bundled SIP server in the foreground until SIGTERM or Ctrl-C. */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = "Run the bundled SIP server (registrar, proxy, echo test, HTTP API).",
    subcommands = {UserCommand.class, RoomCommand.class, WatcherCommand.class})
final class ServerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Folder for the database, certificate and logs (default: parley-data).")
  Path data;

  @Option(
      names = "--config",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "Properties file with server settings; flags override it.")
  Path config;

  @Option(
      names = "--domain",
      scope = ScopeType.INHERIT,
      paramLabel = "D",
      description = "SIP domain and digest realm (default: this host's name).")
  String domain;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "Address to listen on (default: 0.0.0.0).")
  String bind;

  @Option(
      names = "--sip-port",
      paramLabel = "N",
      description = "UDP and TCP port (default: 5060); TLS uses the next one.")
  Integer sipPort;

  @Option(
      names = "--http-port",
      paramLabel = "N",
      description = "HTTP API port (default: 8080; 0 turns it off).")
  Integer httpPort;

  @Option(
      names = "--https-port",
      paramLabel = "N",
      description = "HTTPS API port (default: the HTTP port + 1; 0 turns it off).")
  Integer httpsPort;

  /** The merged configuration: defaults, then the file, then the flags. */
  ServerConfig resolve() throws ConfigException {
    ServerConfigOverrides file =
        config == null ? new ServerConfigOverrides() : ServerConfigFile.load(config);
    ServerConfigOverrides flags =
        ServerConfigOverrides.fromCommandLine()
            .dataDir(data)
            .domain(domain)
            .bindAddress(bind)
            .sipPort(sipPort)
            .httpPort(httpPort)
            .httpsPort(httpsPort);
    return ServerConfig.resolve(file, flags);
  }

  /** The host clients use: the bound address, or the domain when it listens on every one. */
  static String apiHost(ServerConfig settings) {
    String bind = settings.httpBindAddress();
    String host = bind.equals("0.0.0.0") || bind.equals("::") ? settings.domain() : bind;
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ServerConfig settings;
    try {
      settings = resolve();
    } catch (ConfigException e) {
      spec.commandLine().getErr().println("parley server: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    Path logFile = LogFiles.writeTo(settings.dataDir().resolve("logs"), "server.log");
    ParleyServer server;
    try {
      server = ParleyServer.start(settings, VersionProvider.version());
    } catch (ServerStartException e) {
      spec.commandLine().getErr().println("parley server: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "parley-server-shutdown"));
    out.printf(
        "Parley server for %s: SIP on %s port %d (UDP, TCP)%s%s%n",
        settings.domain(),
        settings.bindAddress(),
        settings.sipPort(),
        settings.tlsEnabled() ? ", TLS port " + settings.tlsPort() : "",
        server
            .httpPort()
            .map(port -> ", HTTP on " + settings.httpBindAddress() + " port " + port)
            .orElse(""));
    server
        .generatedCertificateFingerprint()
        .ifPresent(
            fingerprint ->
                out.printf(
                    "Generated a self-signed TLS certificate. SHA-256 fingerprint:%n  %s%n",
                    fingerprint));
    server
        .httpsPort()
        .ifPresent(
            port ->
                out.printf(
                    "Voicemail API: https://%s:%d/api/v1/voicemail (certificate SHA-256 %s)%n",
                    apiHost(settings), port, server.certificateFingerprint().orElse("?")));
    out.printf(
        "Data in %s, log in %s. Stop with Ctrl-C.%n", settings.dataDir().toAbsolutePath(), logFile);
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
