package org.parley.app.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.parley.app.desktop.viewmodel.AccountsViewModel.Status;

class AccountsViewModelTest {

  private final AccountsViewModel accounts = new AccountsViewModel(Texts.forLocale(Locale.ENGLISH));

  @Test
  void oneAccountsStatusIsTheSummary() {
    assertThat(accounts.summaryProperty().get()).isEqualTo("Starting…");

    accounts.onRegistering("sip:me@localhost");
    assertThat(accounts.summaryProperty().get()).isEqualTo("Signing in as sip:me@localhost…");

    accounts.onRegistered("sip:me@localhost");
    assertThat(accounts.summaryProperty().get()).isEqualTo("Ready: signed in as sip:me@localhost");
    assertThat(accounts.accounts()).hasSize(1);
    assertThat(accounts.registeredAccount()).contains("sip:me@localhost");
  }

  @Test
  void failuresSayWhetherTheCoreRetries() {
    accounts.onRegistrationFailed("sip:a@x.example", "The server did not answer", true);
    assertThat(accounts.summaryProperty().get())
        .isEqualTo("sip:a@x.example: The server did not answer. Trying again shortly.");

    accounts.onRegistrationFailed(
        "sip:a@x.example", "The server refused the user name or password", false);
    assertThat(accounts.summaryProperty().get())
        .isEqualTo(
            "sip:a@x.example: The server refused the user name or password. Check the account in"
                + " Settings.");
    assertThat(accounts.accounts().get(0).status()).isEqualTo(Status.FAILED);
    assertThat(accounts.registeredAccount()).isEmpty();
  }

  @Test
  void severalAccountsAreCountedAndListedEach() {
    accounts.onRegistered("sip:me@localhost");
    accounts.onRegistering("sip:me@office.example");
    accounts.onUnregistered("sip:me@provider.example");

    assertThat(accounts.summaryProperty().get()).isEqualTo("1 of 3 accounts signed in");
    assertThat(accounts.accounts())
        .extracting(AccountsViewModel.AccountStatus::status)
        .containsExactly(Status.REGISTERED, Status.REGISTERING, Status.OFFLINE);
    assertThat(accounts.detailsProperty().get())
        .isEqualTo(
            "Ready: signed in as sip:me@localhost\n"
                + "Signing in as sip:me@office.example…\n"
                + "sip:me@provider.example is offline.");
  }

  @Test
  void germanTextsAreUsedForGerman() {
    AccountsViewModel german = new AccountsViewModel(Texts.forLocale(Locale.GERMAN));
    german.onRegistered("sip:me@localhost");
    assertThat(german.summaryProperty().get()).isEqualTo("Bereit: angemeldet als sip:me@localhost");
  }
}
