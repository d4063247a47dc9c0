package org.parley.app.desktop.session;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.account.AccountCredentials;
import org.parley.core.account.AccountSettings;
import org.parley.core.account.ServerAddress;
import org.parley.core.call.MediaEncryption;
import org.parley.core.credentials.CredentialStore;
import org.parley.core.sip.SipException;
import org.parley.core.store.StoreException;
import org.parley.core.store.sqlite.ProfileDatabase;
import org.parley.os.credentials.CredentialStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a running desktop app holds outside the UI: the profile database, the credential
 * store, the embedded server (when the profile uses it), the softphone and its accounts. Opening
 * one blocks (database, server start), so the app does it off the UI thread.
 */
public final class DesktopSession implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DesktopSession.class);

  private final ProfileDatabase database;
  private final AccountCredentials credentials;
  private final Optional<EmbeddedServer> server;
  private final Softphone softphone;
  // By stored id: the order the profile lists them in, which an edited account keeps.
  private final ConcurrentSkipListMap<Long, Account> accounts = new ConcurrentSkipListMap<>();

  private DesktopSession(
      ProfileDatabase database,
      AccountCredentials credentials,
      Optional<EmbeddedServer> server,
      Softphone softphone) {
    this.database = database;
    this.credentials = credentials;
    this.server = server;
    this.softphone = softphone;
  }

  /** The profile database and credential store of {@code profile}, opened. */
  public static ProfileDatabase openDatabase(Path profile) throws SessionException {
    try {
      return ProfileDatabase.open(profile);
    } catch (StoreException e) {
      throw new SessionException("The profile could not be opened: " + e.getMessage(), e);
    }
  }

  /**
   * The credential store of {@code profile}: the OS keyring when it answers, else the profile's
   * owner-only file (with a warning, see {@link CredentialStores#warning}). Blocks for up to a few
   * seconds while the keyring is probed, so call it off the UI thread.
   */
  public static CredentialStore credentialStore(Path profile) {
    return CredentialStores.forThisMachine(profile, System.getenv());
  }

  /**
   * Opens the session on an open profile database: on first run creates the local account on the
   * embedded server; starts the softphone with every enabled account (not yet registered: the
   * caller attaches listeners first, through {@link CorePhone#attach}).
   */
  public static DesktopSession start(
      Path profile, ProfileDatabase database, CredentialStore credentialStore)
      throws SessionException {
    AccountCredentials credentials = new AccountCredentials(credentialStore);
    Optional<EmbeddedServer> server =
        new LocalAccountSetup(
                database.accounts(),
                database.settings(),
                credentials,
                database.contacts(),
                profile.resolve("server"))
            .start();
    List<AccountSettings> enabled =
        database.accounts().list().stream().filter(AccountSettings::enabled).toList();
    Softphone softphone;
    try {
      softphone = Softphone.start(SoftphoneConfig.defaults(bindAddress(enabled)));
    } catch (SipException e) {
      server.ifPresent(EmbeddedServer::close);
      throw new SessionException("SIP could not start: " + e.getMessage(), e);
    }
    softphone.setCallLog(database.callLog());
    DesktopSession session = new DesktopSession(database, credentials, server, softphone);
    for (AccountSettings settings : enabled) {
      session.addAccount(settings);
    }
    return session;
  }

  // One SIP stack serves every account, so it listens where the first one's server is reached.
  private static String bindAddress(List<AccountSettings> accounts) {
    for (AccountSettings account : accounts) {
      ServerAddress hop =
          account
              .outboundProxy()
              .orElseGet(
                  () -> ServerAddress.parse(domainOf(account), account.transport().defaultPort()));
      Optional<String> local = LocalAddress.towards(hop);
      if (local.isPresent()) {
        return local.get();
      }
      LOG.info("No route to {} now", hop);
    }
    return EmbeddedServer.LOOPBACK;
  }

  private static String domainOf(AccountSettings account) {
    String aor = account.addressOfRecord();
    return aor.substring(aor.indexOf('@') + 1);
  }

  public ProfileDatabase database() {
    return database;
  }

  public AccountCredentials credentials() {
    return credentials;
  }

  public Softphone softphone() {
    return softphone;
  }

  /** The enabled accounts, in the order they were stored. */
  public List<Account> accounts() {
    return List.copyOf(accounts.values());
  }

  /**
   * The running account stored first, whose presence and voicemail the window shows; an edited
   * account runs as a new {@link Account} but keeps its place.
   */
  public Optional<Account> firstAccount() {
    return Optional.ofNullable(accounts.firstEntry()).map(Map.Entry::getValue);
  }

  /**
   * Adds a saved account to the running softphone, trusting the server certificates stored for it.
   */
  public Account addAccount(AccountSettings settings) {
    // The core trusts per SIP domain, so every stored account of this domain contributes.
    AccountCertificates certificates = new AccountCertificates(database.settings());
    String domain = domainOf(settings);
    List<X509Certificate> trusted =
        database.accounts().list().stream()
            .filter(stored -> domainOf(stored).equalsIgnoreCase(domain))
            .flatMap(stored -> certificates.trusted(stored.id()).stream())
            .distinct()
            .toList();
    if (!trusted.isEmpty()) {
      try {
        softphone.trustServerCertificates(domain, trusted);
      } catch (SipException e) {
        // The account still registers; its TLS error then shows, as without the certificate.
        LOG.warn(
            "The certificates trusted for {} could not be used", settings.addressOfRecord(), e);
      }
    }
    Account account = softphone.addAccount(credentials.config(settings));
    // Until the stored encryption is applied, plain RTP; a peer's transfer is asked about from the
    // start, so no REFER that arrives early is followed unasked.
    account.setCallPolicy(AccountCallPolicies.policy(MediaEncryption.NONE));
    accounts.put(settings.id(), account);
    return account;
  }

  /**
   * Un-REGISTERs the running account with {@code addressOfRecord} (waiting up to {@code timeout}
   * for its registrar) and forgets it; does nothing when no such account runs.
   */
  public void removeAccount(String addressOfRecord, Duration timeout) {
    Optional<Map.Entry<Long, Account>> running =
        accounts.entrySet().stream()
            .filter(entry -> entry.getValue().addressOfRecord().equals(addressOfRecord))
            .findFirst();
    if (running.isEmpty()) {
      return;
    }
    accounts.remove(running.get().getKey());
    try {
      softphone
          .removeAccount(running.get().getValue())
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.info("The registrar of {} did not answer the un-REGISTER in time", addressOfRecord);
    } catch (ExecutionException e) {
      LOG.warn("Un-REGISTER of {} failed", addressOfRecord, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public Optional<Integer> embeddedServerPort() {
    return server.map(EmbeddedServer::sipPort);
  }

  /** The embedded server's HTTP API port, when the profile uses the embedded server. */
  public Optional<Integer> embeddedServerHttpPort() {
    return server.map(EmbeddedServer::httpPort);
  }

  /** Hangs up, un-registers, stops the softphone and the embedded server; not the database. */
  @Override
  public void close() {
    softphone.close();
    server.ifPresent(EmbeddedServer::close);
  }
}
