package org.parley.app.desktop.viewmodel;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.core.call.MediaEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per account, whether calls are encrypted with SRTP: off, when the other side can, or always
 * (calls without it are refused), as the command line's {@code --srtp none|optional|required}.
 * Reading and saving run off the UI thread; a saved choice applies from the account's next call.
 */
public final class CallEncryptionViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(CallEncryptionViewModel.class);

  /** Where the choices are kept and put to work. */
  public interface Policies {

    /** Every stored account with its choice; reads the profile, so slow. */
    List<AccountChoice> load();

    /** Stores the choice and applies it to the running account; slow. */
    void save(long accountId, MediaEncryption encryption);
  }

  /** One stored account's choice. */
  public record AccountChoice(long accountId, String addressOfRecord, MediaEncryption encryption) {}

  /** One account's line in the settings: its address and the choice being edited. */
  public static final class Row {
    private final long accountId;
    private final String addressOfRecord;
    private final ObjectProperty<MediaEncryption> encryption;

    Row(AccountChoice stored) {
      accountId = stored.accountId();
      addressOfRecord = stored.addressOfRecord();
      encryption = new SimpleObjectProperty<>(stored.encryption());
    }

    public String addressOfRecord() {
      return addressOfRecord;
    }

    public ObjectProperty<MediaEncryption> encryptionProperty() {
      return encryption;
    }
  }

  private final Policies policies;
  private final Executor background;
  private final Executor ui;
  private final Texts texts;
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

  public CallEncryptionViewModel(Policies policies, Executor background, Executor ui, Texts texts) {
    this.policies = policies;
    this.background = background;
    this.ui = ui;
    this.texts = texts;
  }

  /**
   * Reads every account's stored choice; again after an account was added, edited or removed, when
   * a choice already made here and not yet saved stays.
   */
  public void load() {
    background.execute(
        () -> {
          try {
            List<AccountChoice> stored = policies.load();
            ui.execute(() -> rows.setAll(stored.stream().map(this::keepingUnsaved).toList()));
          } catch (RuntimeException e) {
            LOG.warn("The accounts' call encryption could not be read", e);
            ui.execute(() -> error.set(texts.text("settings.encryption.failed")));
          }
        });
  }

  // On the UI thread.
  private Row keepingUnsaved(AccountChoice stored) {
    Row row = new Row(stored);
    rows.stream()
        .filter(shown -> shown.accountId == stored.accountId())
        .findFirst()
        .ifPresent(shown -> row.encryption.set(shown.encryption.get()));
    return row;
  }

  /** Stores every account's choice (an empty choice stays as it was). */
  public void save() {
    List<AccountChoice> chosen =
        rows.stream()
            .filter(row -> row.encryption.get() != null)
            .map(row -> new AccountChoice(row.accountId, row.addressOfRecord, row.encryption.get()))
            .toList();
    background.execute(
        () -> {
          try {
            chosen.forEach(choice -> policies.save(choice.accountId(), choice.encryption()));
            ui.execute(() -> error.set(""));
          } catch (RuntimeException e) {
            LOG.warn("The accounts' call encryption could not be saved", e);
            ui.execute(() -> error.set(texts.text("settings.encryption.failed")));
          }
        });
  }

  /** How a choice reads in the settings ("Always (calls without it are refused)"). */
  public String text(MediaEncryption encryption) {
    return texts.text("settings.encryption." + encryption.name().toLowerCase(Locale.ROOT));
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  /** Why loading or saving failed, else empty. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }
}
