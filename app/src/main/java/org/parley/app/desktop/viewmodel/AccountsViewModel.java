package org.parley.app.desktop.viewmodel;

import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Registration status per account, and the one-line summary the status bar shows. Its methods run
 * on the UI thread; the core's registration events arrive through the adapter.
 */
public final class AccountsViewModel {

  /** The state of one account's registration, for the accounts list. */
  public enum Status {
    STARTING,
    REGISTERING,
    REGISTERED,
    FAILED,
    OFFLINE
  }

  /**
   * One account's line.
   *
   * @param addressOfRecord {@code sip:user@domain}
   * @param status where its registration stands
   * @param text the sentence shown for it
   */
  public record AccountStatus(String addressOfRecord, Status status, String text) {}

  private final Texts texts;
  private final ObservableList<AccountStatus> accounts = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");

  public AccountsViewModel(Texts texts) {
    this.texts = texts;
    summary.set(texts.text("status.starting"));
  }

  public void onStartFailed(String reason) {
    summary.set(texts.text("status.startFailed", reason));
  }

  public void onNoAccount() {
    summary.set(texts.text("status.noAccount"));
  }

  public void onRegistering(String addressOfRecord) {
    put(addressOfRecord, Status.REGISTERING, texts.text("status.registering", addressOfRecord));
  }

  public void onRegistered(String addressOfRecord) {
    put(addressOfRecord, Status.REGISTERED, texts.text("status.registered", addressOfRecord));
  }

  public void onRegistrationFailed(String addressOfRecord, String reason, boolean retrying) {
    put(
        addressOfRecord,
        Status.FAILED,
        texts.text(retrying ? "status.failedRetrying" : "status.failed", addressOfRecord, reason));
  }

  public void onUnregistered(String addressOfRecord) {
    put(addressOfRecord, Status.OFFLINE, texts.text("status.offline", addressOfRecord));
  }

  /** Drops the line of an account that was removed or is being replaced by its edited form. */
  public void onRemoved(String addressOfRecord) {
    int index = indexOf(addressOfRecord);
    if (index >= 0) {
      accounts.remove(index);
      summarise();
    }
  }

  /** The first registered account, which places calls. */
  public Optional<String> registeredAccount() {
    return accounts.stream()
        .filter(a -> a.status() == Status.REGISTERED)
        .map(AccountStatus::addressOfRecord)
        .findFirst();
  }

  private void put(String addressOfRecord, Status status, String text) {
    AccountStatus line = new AccountStatus(addressOfRecord, status, text);
    int index = indexOf(addressOfRecord);
    if (index < 0) {
      accounts.add(line);
    } else {
      accounts.set(index, line);
    }
    summarise();
  }

  private int indexOf(String addressOfRecord) {
    for (int i = 0; i < accounts.size(); i++) {
      if (accounts.get(i).addressOfRecord().equals(addressOfRecord)) {
        return i;
      }
    }
    return -1;
  }

  // One account: its own sentence. Several: how many are registered, since space is short.
  private void summarise() {
    details.set(String.join("\n", accounts.stream().map(AccountStatus::text).toList()));
    if (accounts.size() == 1) {
      summary.set(accounts.get(0).text());
      return;
    }
    long registered = accounts.stream().filter(a -> a.status() == Status.REGISTERED).count();
    summary.set(texts.text("status.several", registered, accounts.size()));
  }

  public ObservableList<AccountStatus> accounts() {
    return accounts;
  }

  /** Every account's line, one per line, for the status bar's tooltip. */
  public ReadOnlyStringProperty detailsProperty() {
    return details.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }
}
