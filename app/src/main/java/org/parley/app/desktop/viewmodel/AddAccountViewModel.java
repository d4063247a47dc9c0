package org.parley.app.desktop.viewmodel;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.parley.core.account.AccountSettings;
import org.parley.core.account.RegistrationEvent.FailureCause;
import org.parley.core.account.ServerAddress;
import org.parley.core.account.Transport;
import org.parley.core.sip.tls.CertificateFiles;
import org.parley.core.voicemail.ApiAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account form, for adding an account or editing a stored one: checks what was typed, then
 * registers once with it and saves only if the server accepted it, explaining a refusal in plain
 * words; a server certificate that was not trusted can be looked at and trusted for the account.
 */
public final class AddAccountViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(AddAccountViewModel.class);

  /** Tries a registration with settings that are not stored yet (slow: a network round trip). */
  @FunctionalInterface
  public interface RegistrationCheck {
    /** Empty when the registrar accepted the binding, else why it did not. */
    Optional<Failure> register(AccountSettings account, char[] password);

    /** As {@link #register(AccountSettings, char[])}, also trusting {@code trusted} for TLS. */
    default Optional<Failure> register(
        AccountSettings account, char[] password, List<X509Certificate> trusted) {
      return register(account, password);
    }
  }

  /**
   * Why a trial registration failed.
   *
   * @param cause the core's category
   * @param detail the core's sentence, shown after ours
   * @param presented the certificate chain the server presented, leaf first, when its TLS
   *     certificate was the problem and it could be fetched; else empty
   */
  public record Failure(FailureCause cause, String detail, List<X509Certificate> presented) {

    public Failure {
      presented = List.copyOf(presented);
    }

    public Failure(FailureCause cause, String detail) {
      this(cause, detail, List.of());
    }
  }

  /** Stores the account and its password, then starts using it. */
  @FunctionalInterface
  public interface AccountSaver {
    void save(AccountSettings account, char[] password) throws Exception;
  }

  /** Keeps an account's visual-voicemail API address; empty means derived from the account. */
  @FunctionalInterface
  public interface VoicemailApiSaver {
    void save(String addressOfRecord, Optional<URI> apiAddress) throws Exception;
  }

  private final RegistrationCheck check;
  private final StoredAccounts stored;
  private final Executor background;
  private final Executor ui;
  private final Texts texts;

  private final StringProperty displayName = new SimpleStringProperty("");
  private final StringProperty address = new SimpleStringProperty("");
  private final StringProperty password = new SimpleStringProperty("");
  private final StringProperty server = new SimpleStringProperty("");
  private final ObjectProperty<Transport> transport = new SimpleObjectProperty<>(Transport.UDP);
  private final StringProperty voicemailApi = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper editingAddress = new ReadOnlyStringWrapper("");
  private final ServerCertificateOffer certificate;
  private final List<X509Certificate> pendingTrust = new ArrayList<>();
  private Optional<AccountSettings> editing = Optional.empty();

  public AddAccountViewModel(
      RegistrationCheck check, AccountSaver saver, Executor background, Executor ui, Texts texts) {
    this(check, saver, (account, api) -> {}, background, ui, texts);
  }

  /**
   * @param voicemailApiSaver told the "Voicemail API address" field's value after the account is
   *     saved
   */
  public AddAccountViewModel(
      RegistrationCheck check,
      AccountSaver saver,
      VoicemailApiSaver voicemailApiSaver,
      Executor background,
      Executor ui,
      Texts texts) {
    this(check, StoredAccounts.addingOnly(saver, voicemailApiSaver), background, ui, texts);
  }

  /** A form that adds, edits and removes {@code stored} accounts. */
  public AddAccountViewModel(
      RegistrationCheck check,
      StoredAccounts stored,
      Executor background,
      Executor ui,
      Texts texts) {
    this.check = check;
    this.stored = stored;
    this.background = background;
    this.ui = ui;
    this.texts = texts;
    this.certificate = new ServerCertificateOffer(texts);
  }

  /**
   * Checks the form, then the registration (with the stored password when editing and the password
   * field is empty), then saves; the message says how it went.
   */
  public void checkAndSave() {
    if (busy.get()) {
      return;
    }
    Optional<AccountSettings> before = editing;
    Optional<AccountSettings> account = validate().map(typed -> updated(before, typed));
    if (account.isEmpty()) {
      return;
    }
    Optional<Optional<URI>> api = validateVoicemailApi();
    if (api.isEmpty()) {
      return;
    }
    Optional<char[]> typed =
        password.get().isEmpty() ? Optional.empty() : Optional.of(password.get().toCharArray());
    List<X509Certificate> newlyTrusted = List.copyOf(pendingTrust);
    busy.set(true);
    saved.set(false);
    certificate.clear();
    message.set(texts.text("account.checking", account.get().addressOfRecord()));
    background.execute(
        () -> {
          Outcome outcome = checkThenSave(before, account.get(), typed, newlyTrusted, api.get());
          ui.execute(() -> finish(outcome, before.isPresent()));
        });
  }

  private record Outcome(String message, boolean saved, List<X509Certificate> presented) {}

  // Off the UI thread.
  private Outcome checkThenSave(
      Optional<AccountSettings> before,
      AccountSettings account,
      Optional<char[]> typed,
      List<X509Certificate> newlyTrusted,
      Optional<URI> api) {
    String aor = account.addressOfRecord();
    char[] secret = null;
    try {
      secret = typed.isPresent() ? typed.get().clone() : stored.password(before.orElseThrow());
      List<X509Certificate> trusted = new ArrayList<>();
      if (before.isPresent()) {
        trusted.addAll(stored.trustedCertificates(before.get()));
      }
      newlyTrusted.stream().filter(c -> !trusted.contains(c)).forEach(trusted::add);
      Optional<Failure> failure = check.register(account, secret.clone(), trusted);
      if (failure.isPresent()) {
        return new Outcome(explain(failure.get(), account), false, failure.get().presented());
      }
      if (before.isPresent()) {
        stored.replace(before.get(), account, typed, trusted);
        if (!before.get().addressOfRecord().equals(aor)) {
          stored.saveVoicemailApi(before.get().addressOfRecord(), Optional.empty());
        }
        stored.saveVoicemailApi(aor, api);
        return new Outcome(texts.text("account.updated", aor), true, List.of());
      }
      stored.add(account, secret, trusted);
      stored.saveVoicemailApi(aor, api);
      return new Outcome(texts.text("account.saved", aor), true, List.of());
    } catch (Exception e) {
      LOG.warn("Saving account {} failed", aor, e);
      return new Outcome(
          texts.text("account.error.saveFailed", String.valueOf(e.getMessage())), false, List.of());
    } finally {
      if (secret != null) {
        Arrays.fill(secret, '\0');
      }
      typed.ifPresent(chars -> Arrays.fill(chars, '\0'));
    }
  }

  private void finish(Outcome outcome, boolean wasEditing) {
    busy.set(false);
    saved.set(outcome.saved());
    if (outcome.saved()) {
      pendingTrust.clear();
      if (wasEditing) {
        clearForm();
      } else {
        password.set("");
      }
    } else if (!outcome.presented().isEmpty()) {
      certificate.offer(outcome.presented().get(0), false);
    }
    message.set(outcome.message());
  }

  /**
   * Fills the form with the stored account at {@code addressOfRecord} for editing; the password
   * field stays empty, which keeps the stored password.
   */
  public void edit(String addressOfRecord) {
    if (busy.get()) {
      return;
    }
    background.execute(
        () -> {
          try {
            Optional<AccountSettings> found = stored.find(addressOfRecord);
            Optional<URI> api =
                found.isPresent() ? stored.voicemailApi(addressOfRecord) : Optional.empty();
            ui.execute(() -> fill(addressOfRecord, found, api));
          } catch (Exception e) {
            LOG.warn("Reading account {} failed", addressOfRecord, e);
            ui.execute(() -> message.set(texts.text("account.error.notStored", addressOfRecord)));
          }
        });
  }

  private void fill(String addressOfRecord, Optional<AccountSettings> found, Optional<URI> api) {
    if (found.isEmpty()) {
      message.set(texts.text("account.error.notStored", addressOfRecord));
      return;
    }
    AccountSettings account = found.get();
    clearForm();
    editing = found;
    editingAddress.set(account.addressOfRecord());
    displayName.set(account.displayName());
    address.set(account.addressOfRecord().substring(4));
    server.set(account.outboundProxy().map(ServerAddress::toString).orElse(""));
    transport.set(account.transport());
    voicemailApi.set(api.map(URI::toString).orElse(""));
    message.set(texts.text("account.editing", account.addressOfRecord()));
  }

  /** Leaves editing: the form is empty and adds a new account again. */
  public void startNew() {
    if (!busy.get()) {
      clearForm();
      message.set("");
    }
  }

  private void clearForm() {
    editing = Optional.empty();
    editingAddress.set("");
    displayName.set("");
    address.set("");
    password.set("");
    server.set("");
    transport.set(Transport.UDP);
    voicemailApi.set("");
    pendingTrust.clear();
    certificate.clear();
  }

  /**
   * Un-registers the stored account at {@code addressOfRecord} and deletes it with its password and
   * trusted certificates; the caller has asked the user first.
   */
  public void remove(String addressOfRecord) {
    if (busy.get()) {
      return;
    }
    busy.set(true);
    background.execute(
        () -> {
          String outcome;
          try {
            Optional<AccountSettings> found = stored.find(addressOfRecord);
            if (found.isEmpty()) {
              outcome = texts.text("account.error.notStored", addressOfRecord);
            } else {
              stored.remove(found.get());
              stored.saveVoicemailApi(addressOfRecord, Optional.empty());
              outcome = texts.text("account.removed", addressOfRecord);
            }
          } catch (Exception e) {
            LOG.warn("Removing account {} failed", addressOfRecord, e);
            outcome = texts.text("account.error.removeFailed", String.valueOf(e.getMessage()));
          }
          String shown = outcome;
          ui.execute(
              () -> {
                busy.set(false);
                if (editingAddress.get().equals(addressOfRecord)) {
                  clearForm();
                }
                message.set(shown);
              });
        });
  }

  /**
   * Trusts the offered certificate for the account in the form (the one being added or edited),
   * then checks the registration again and saves if it works; nothing is stored before that.
   */
  public void trustOfferedCertificate() {
    if (busy.get()) {
      return;
    }
    Optional<X509Certificate> offered = certificate.take();
    if (offered.isEmpty()) {
      return;
    }
    if (!pendingTrust.contains(offered.get())) {
      pendingTrust.add(offered.get());
    }
    checkAndSave();
  }

  /**
   * Reads a PEM or DER certificate file and offers its (first) certificate, details shown, to be
   * trusted for the account in the form; a file that is none says so.
   */
  public void importCertificate(Path file) {
    if (busy.get()) {
      return;
    }
    background.execute(
        () -> {
          try {
            if (Files.size(file) > CertificateFiles.MAX_FILE_BYTES) {
              throw new CertificateException("The file is too large to be a certificate");
            }
            X509Certificate read = CertificateFiles.read(Files.readAllBytes(file)).get(0);
            ui.execute(
                () -> {
                  certificate.offer(read, true);
                  message.set(texts.text("account.certificateRead", file.getFileName()));
                });
          } catch (IOException | CertificateException e) {
            String reason = String.valueOf(e.getMessage());
            ui.execute(
                () ->
                    message.set(
                        texts.text("account.error.certificateFile", file.getFileName(), reason)));
          }
        });
  }

  /**
   * The saved account with what was edited; the id, expiry and, if the user is kept, the auth user
   * stay.
   */
  private static AccountSettings updated(Optional<AccountSettings> before, AccountSettings typed) {
    if (before.isEmpty()) {
      return typed;
    }
    AccountSettings old = before.get();
    boolean sameUser =
        AccountSettings.of("", old.addressOfRecord()).authUser().equals(typed.authUser());
    return new AccountSettings(
        old.id(),
        typed.displayName(),
        typed.addressOfRecord(),
        sameUser ? old.authUser() : typed.authUser(),
        typed.outboundProxy(),
        typed.transport(),
        old.expiresSeconds(),
        old.enabled());
  }

  /** The account the form describes, or empty with the message saying what to fix. */
  Optional<AccountSettings> validate() {
    String aor = address.get().strip();
    if (!aor.toLowerCase(Locale.ROOT).startsWith("sip:")) {
      aor = "sip:" + aor;
    }
    int at = aor.indexOf('@');
    if (at < 5 || at == aor.length() - 1 || aor.contains(" ")) {
      message.set(texts.text("account.error.address"));
      return Optional.empty();
    }
    if (password.get().isEmpty() && editing.isEmpty()) {
      message.set(texts.text("account.error.password"));
      return Optional.empty();
    }
    Optional<ServerAddress> proxy = Optional.empty();
    String hop = server.get().strip();
    if (!hop.isEmpty()) {
      try {
        proxy = Optional.of(ServerAddress.parse(hop, transport.get().defaultPort()));
      } catch (IllegalArgumentException e) {
        message.set(texts.text("account.error.server", hop));
        return Optional.empty();
      }
    }
    String name = displayName.get().strip();
    AccountSettings defaults =
        AccountSettings.of(name.isEmpty() ? aor.substring(4, at) : name, aor);
    return Optional.of(
        new AccountSettings(
            0,
            defaults.displayName(),
            defaults.addressOfRecord(),
            defaults.authUser(),
            proxy,
            transport.get(),
            defaults.expiresSeconds(),
            true));
  }

  /**
   * The "Voicemail API address" field: present and empty when the field is empty (the address is
   * then derived from the account), empty with the message set when it is not a usable address.
   */
  Optional<Optional<URI>> validateVoicemailApi() {
    String text = voicemailApi.get().strip();
    if (text.isEmpty()) {
      return Optional.of(Optional.empty());
    }
    try {
      return Optional.of(Optional.of(ApiAddress.parse(text)));
    } catch (IllegalArgumentException e) {
      message.set(texts.text("account.error.voicemailApi", text, e.getMessage()));
      return Optional.empty();
    }
  }

  private String explain(Failure failure, AccountSettings account) {
    String where = account.outboundProxy().map(ServerAddress::toString).orElse(domain(account));
    String key =
        switch (failure.cause()) {
          case WRONG_CREDENTIALS -> "account.error.credentials";
          case REJECTED -> "account.error.rejected";
          case UNREACHABLE -> "account.error.unreachable";
          case TIMEOUT -> "account.error.timeout";
          case TLS_CERTIFICATE -> "account.error.certificate";
        };
    return texts.text(key, where, failure.detail());
  }

  private static String domain(AccountSettings account) {
    String aor = account.addressOfRecord();
    return aor.substring(aor.indexOf('@') + 1);
  }

  /** The address of the stored account being edited; empty while the form adds one. */
  public ReadOnlyStringProperty editingProperty() {
    return editingAddress.getReadOnlyProperty();
  }

  /** The server certificate offered for trust after a TLS failure or a file import. */
  public ServerCertificateOffer certificate() {
    return certificate;
  }

  public StringProperty displayNameProperty() {
    return displayName;
  }

  public StringProperty addressProperty() {
    return address;
  }

  public StringProperty passwordProperty() {
    return password;
  }

  public StringProperty serverProperty() {
    return server;
  }

  public ObjectProperty<Transport> transportProperty() {
    return transport;
  }

  /** The visual-voicemail API address; empty means derived from the account's server. */
  public StringProperty voicemailApiProperty() {
    return voicemailApi;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty savedProperty() {
    return saved.getReadOnlyProperty();
  }
}
