package org.parley.app.desktop.viewmodel;

import java.net.URI;
import java.util.Arrays;
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
import org.parley.core.voicemail.ApiAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The add-account form: checks what was typed, then registers once with it and saves the account
 * only if the server accepted it, explaining a refusal in plain words.
 */
public final class AddAccountViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(AddAccountViewModel.class);

  /** Tries a registration with settings that are not stored yet (slow: a network round trip). */
  @FunctionalInterface
  public interface RegistrationCheck {
    /** Empty when the registrar accepted the binding, else why it did not. */
    Optional<Failure> register(AccountSettings account, char[] password);
  }

  /**
   * Why a trial registration failed.
   *
   * @param cause the core's category
   * @param detail the core's sentence, shown after ours
   */
  public record Failure(FailureCause cause, String detail) {}

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
  private final AccountSaver saver;
  private final VoicemailApiSaver voicemailApiSaver;
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
    this.check = check;
    this.saver = saver;
    this.voicemailApiSaver = voicemailApiSaver;
    this.background = background;
    this.ui = ui;
    this.texts = texts;
  }

  /** Checks the form, then the registration, then saves; the message says how it went. */
  public void checkAndSave() {
    if (busy.get()) {
      return;
    }
    Optional<AccountSettings> account = validate();
    if (account.isEmpty()) {
      return;
    }
    Optional<Optional<URI>> api = validateVoicemailApi();
    if (api.isEmpty()) {
      return;
    }
    char[] secret = password.get().toCharArray();
    busy.set(true);
    saved.set(false);
    message.set(texts.text("account.checking", account.get().addressOfRecord()));
    background.execute(
        () -> {
          String outcome;
          boolean ok = false;
          try {
            Optional<Failure> failure = check.register(account.get(), secret.clone());
            if (failure.isPresent()) {
              outcome = explain(failure.get(), account.get());
            } else {
              saver.save(account.get(), secret);
              voicemailApiSaver.save(account.get().addressOfRecord(), api.get());
              outcome = texts.text("account.saved", account.get().addressOfRecord());
              ok = true;
            }
          } catch (Exception e) {
            LOG.warn("Adding account {} failed", account.get().addressOfRecord(), e);
            outcome = texts.text("account.error.saveFailed", String.valueOf(e.getMessage()));
          } finally {
            Arrays.fill(secret, '\0');
          }
          String shown = outcome;
          boolean success = ok;
          ui.execute(
              () -> {
                busy.set(false);
                saved.set(success);
                message.set(shown);
                if (success) {
                  password.set("");
                }
              });
        });
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
    if (password.get().isEmpty()) {
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
