package org.parley.server;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.parley.server.auth.AuthLookupException;
import org.parley.server.auth.DigestAlgorithm;
import org.parley.server.auth.DigestAuthenticator;
import org.parley.server.auth.NonceService;
import org.parley.server.auth.UserDigests;
import org.parley.server.config.ConfigException;
import org.parley.server.config.ServerConfig;
import org.parley.server.echo.EchoLimits;
import org.parley.server.http.HealthCheck;
import org.parley.server.http.HttpApi;
import org.parley.server.http.StoredDigestPasswords;
import org.parley.server.http.VoicemailApi;
import org.parley.server.presence.PresenceOptions;
import org.parley.server.presence.WatcherPolicy;
import org.parley.server.registrar.LocationService;
import org.parley.server.registrar.Registrar;
import org.parley.server.registrar.RegistrarPolicy;
import org.parley.server.sip.jainsip.JainSipServer;
import org.parley.server.sip.jainsip.SipServerException;
import org.parley.server.sip.jainsip.SipServerSettings;
import org.parley.server.sip.jainsip.VoicemailService;
import org.parley.server.store.ChatRoom;
import org.parley.server.store.StoreException;
import org.parley.server.store.User;
import org.parley.server.store.UserStore;
import org.parley.server.store.sqlite.ServerDatabase;
import org.parley.server.tls.ServerCertificate;
import org.parley.server.voicemail.MailboxFolder;
import org.parley.server.voicemail.Mailboxes;
import org.parley.server.voicemail.OggExport;
import org.parley.server.voicemail.VoicemailSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole bundled server in one process: database, SIP (registrar, proxy, echo), HTTP API. */
public final class ParleyServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ParleyServer.class);
  private static final int NONCE_RING = 1 << 20;
  private static final int MAX_BINDINGS_PER_USER = 16;

  private final ServerDatabase database;
  private final JainSipServer sip;
  private final HttpApi http;
  private final ScheduledExecutorService housekeeping;
  private final ServerCertificate certificate;

  private ParleyServer(
      ServerDatabase database,
      JainSipServer sip,
      HttpApi http,
      ScheduledExecutorService housekeeping,
      ServerCertificate certificate) {
    this.database = database;
    this.sip = sip;
    this.http = http;
    this.housekeeping = housekeeping;
    this.certificate = certificate;
  }

  /** The database file inside the data folder. */
  public static java.nio.file.Path databaseFile(ServerConfig config) {
    return config.dataDir().resolve("parley-server.db");
  }

  /** Opens the database, restores registrations and starts listening. */
  public static ParleyServer start(ServerConfig config, String version)
      throws ServerStartException {
    Clock clock = Clock.systemUTC();
    ServerDatabase database;
    try {
      database = ServerDatabase.open(databaseFile(config));
    } catch (StoreException e) {
      throw new ServerStartException(e.getMessage(), e);
    }
    ScheduledExecutorService housekeeping =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "parley-housekeeping");
              thread.setDaemon(true);
              return thread;
            });
    JainSipServer sip = null;
    try {
      Mailboxes mailboxes =
          Mailboxes.open(
              database.voicemail(), new MailboxFolder(config.dataDir().resolve("voicemail")));
      LocationService locations = new LocationService(database.locations(), clock);
      locations.restore();
      // One certificate for SIP over TLS and for HTTPS, so clients trust one fingerprint.
      ServerCertificate certificate =
          config.certificateNeeded() ? ServerCertificate.loadOrCreate(config) : null;
      DigestAuthenticator authenticator =
          new DigestAuthenticator(
              config.domain(),
              config.authAlgorithms(),
              new NonceService(Duration.ofSeconds(config.nonceLifetimeSeconds()), NONCE_RING),
              digests(database.users(), config.domain()),
              clock);
      Registrar registrar =
          new Registrar(
              new RegistrarPolicy(
                  config.minExpiresSeconds(),
                  config.maxExpiresSeconds(),
                  config.defaultExpiresSeconds(),
                  MAX_BINDINGS_PER_USER),
              locations,
              clock);
      sip =
          JainSipServer.start(
              new SipServerSettings(
                  config.domain(),
                  config.bindAddress(),
                  config.sipPort(),
                  config.tlsEnabled() ? config.tlsPort() : 0,
                  certificate == null ? null : certificate.keyStoreFile(),
                  certificate == null ? null : certificate.password(),
                  config.maxMessageBytes(),
                  1,
                  "Parley/" + version,
                  new EchoLimits(
                      Duration.ofSeconds(config.echoIdleSeconds()),
                      Duration.ofSeconds(config.echoMaxSeconds()),
                      EchoLimits.DEFAULT.relatchAfterSilence()),
                  config.udpBufferBytes()),
              registrar,
              locations,
              authenticator,
              name -> lookup(database.users(), name, false).isPresent(),
              database.messages(),
              new VoicemailService(mailboxes, voicemailSettings(config)),
              new PresenceOptions(
                  new WatcherPolicy(config.presenceWatchers(), database.watcherRules()::find),
                  database.subscriptions(),
                  database.publications()),
              clock);
      sip.rooms(name -> database.rooms().find(name).map(ChatRoom::members));
      HttpApi http =
          config.httpEnabled() || config.httpsEnabled()
              ? HttpApi.start(
                  config,
                  version,
                  Optional.ofNullable(certificate).map(ServerCertificate::sslContext))
              : null;
      if (http != null) {
        http.addHealthCheck("database", () -> databaseHealth(database));
        new VoicemailApi(
                mailboxes,
                new StoredDigestPasswords(database.users(), config.domain()),
                config.domain(),
                OggExport::transcode)
            .routeOn(http);
      }
      housekeeping.scheduleWithFixedDelay(locations::sweep, 60, 60, TimeUnit.SECONDS);
      return new ParleyServer(database, sip, http, housekeeping, certificate);
    } catch (StoreException | ConfigException | SipServerException | IOException e) {
      housekeeping.shutdownNow();
      if (sip != null) {
        sip.close();
      }
      database.close();
      throw new ServerStartException(e.getMessage(), e);
    }
  }

  static VoicemailSettings voicemailSettings(ServerConfig config) {
    return new VoicemailSettings(
        Duration.ofSeconds(config.voicemailNoAnswerSeconds()),
        Duration.ofSeconds(config.voicemailMaxSeconds()),
        Duration.ofSeconds(config.voicemailSilenceSeconds()));
  }

  private static HealthCheck.Status databaseHealth(ServerDatabase database) {
    try {
      database.users().list();
      return HealthCheck.Status.ok();
    } catch (StoreException e) {
      return HealthCheck.Status.failing("database unreadable");
    }
  }

  private static UserDigests digests(UserStore users, String realm) {
    return new UserDigests() {
      @Override
      public Optional<String> ha1(String name, DigestAlgorithm algorithm)
          throws AuthLookupException {
        return ha1Of(lookup(users, name, false), realm, algorithm);
      }

      @Override
      public Optional<String> currentHa1(String name, DigestAlgorithm algorithm)
          throws AuthLookupException {
        return ha1Of(lookup(users, name, true), realm, algorithm);
      }
    };
  }

  private static Optional<String> ha1Of(
      Optional<User> user, String realm, DigestAlgorithm algorithm) {
    if (user.isEmpty() || !realm.equals(user.get().realm())) {
      return Optional.empty();
    }
    return Optional.of(
        algorithm == DigestAlgorithm.MD5 ? user.get().ha1Md5() : user.get().ha1Sha256());
  }

  private static Optional<User> lookup(UserStore users, String name, boolean current)
      throws AuthLookupException {
    try {
      return current ? users.findCurrent(name) : users.find(name);
    } catch (StoreException e) {
      throw new AuthLookupException("Cannot read user " + name, e);
    }
  }

  /** The fingerprint of a certificate generated at this start, to show the administrator. */
  public Optional<String> generatedCertificateFingerprint() {
    return certificate != null && certificate.generated()
        ? Optional.of(certificate.sha256Fingerprint())
        : Optional.empty();
  }

  /** The plain-HTTP API's port, if it listens for plain HTTP. */
  public Optional<Integer> httpPort() {
    return http == null || !http.servesPlain() ? Optional.empty() : Optional.of(http.port());
  }

  /** The HTTPS API's port, if it listens for HTTPS. */
  public Optional<Integer> httpsPort() {
    return http == null ? Optional.empty() : http.secureAddress().map(a -> a.getPort());
  }

  /**
   * The certificate SIP over TLS and HTTPS present, if either is on: for clients of an embedded
   * server to trust, and for the fingerprint shown at start.
   */
  public Optional<X509Certificate> certificate() {
    return Optional.ofNullable(certificate).map(ServerCertificate::certificate);
  }

  /** SHA-256 fingerprint of {@link #certificate()}, as AB:CD:... */
  public Optional<String> certificateFingerprint() {
    return Optional.ofNullable(certificate).map(ServerCertificate::sha256Fingerprint);
  }

  @Override
  public void close() {
    LOG.info("Stopping the server");
    housekeeping.shutdownNow();
    if (http != null) {
      http.close();
    }
    sip.close();
    database.close();
  }
}
