package org.parley.app.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.desktop.session.AccountCallPolicies;
import org.parley.app.desktop.session.DesktopSettings;
import org.parley.core.account.AccountSettings;
import org.parley.core.call.MediaEncryption;
import org.parley.core.store.sqlite.ProfileDatabase;

class CallEncryptionViewModelTest {

  private static final Executor DIRECT = Runnable::run;

  @TempDir Path profile;
  private ProfileDatabase database;
  private AccountSettings alice;
  private AccountSettings bob;

  @BeforeEach
  void open() {
    database = ProfileDatabase.open(profile);
    alice = database.accounts().save(AccountSettings.of("Alice", "sip:alice@example.com"));
    bob = database.accounts().save(AccountSettings.of("Bob", "sip:bob@example.org"));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void everyStoredAccountStartsWithoutEncryption() {
    CallEncryptionViewModel view = viewModel();

    view.load();

    assertThat(view.rows())
        .extracting(CallEncryptionViewModel.Row::addressOfRecord)
        .containsExactly("sip:alice@example.com", "sip:bob@example.org");
    assertThat(view.rows())
        .extracting(row -> row.encryptionProperty().get())
        .containsOnly(MediaEncryption.NONE);
    assertThat(view.text(MediaEncryption.REQUIRED))
        .isEqualTo("Always (calls without it are refused)");
  }

  @Test
  void eachAccountsChoiceIsStoredByItsIdAndReadBack() {
    CallEncryptionViewModel view = viewModel();
    view.load();
    view.rows().get(0).encryptionProperty().set(MediaEncryption.REQUIRED);
    view.rows().get(1).encryptionProperty().set(MediaEncryption.OPTIONAL);

    view.save();

    DesktopSettings settings = new DesktopSettings(database.settings());
    assertThat(settings.callEncryption(alice.id())).isEqualTo(MediaEncryption.REQUIRED);
    assertThat(settings.callEncryption(bob.id())).isEqualTo(MediaEncryption.OPTIONAL);
    CallEncryptionViewModel reopened = viewModel();
    reopened.load();
    assertThat(reopened.rows())
        .extracting(row -> row.encryptionProperty().get())
        .containsExactly(MediaEncryption.REQUIRED, MediaEncryption.OPTIONAL);
    assertThat(reopened.errorProperty().get()).isEmpty();
  }

  @Test
  void readingAgainAfterAnAccountChangeShowsItAndKeepsUnsavedChoices() {
    CallEncryptionViewModel view = viewModel();
    view.load();
    view.rows().get(1).encryptionProperty().set(MediaEncryption.REQUIRED);

    database.accounts().delete(alice.id());
    database.accounts().save(AccountSettings.of("Carol", "sip:carol@example.net"));
    view.load();

    assertThat(view.rows())
        .extracting(CallEncryptionViewModel.Row::addressOfRecord)
        .containsExactly("sip:bob@example.org", "sip:carol@example.net");
    assertThat(view.rows())
        .extracting(row -> row.encryptionProperty().get())
        .containsExactly(MediaEncryption.REQUIRED, MediaEncryption.NONE);
  }

  @Test
  void aStoreFailureIsShownNotThrown() {
    CallEncryptionViewModel view =
        new CallEncryptionViewModel(
            new CallEncryptionViewModel.Policies() {
              @Override
              public List<CallEncryptionViewModel.AccountChoice> load() {
                throw new IllegalStateException("database is locked");
              }

              @Override
              public void save(long accountId, MediaEncryption encryption) {
                throw new IllegalStateException("database is locked");
              }
            },
            DIRECT,
            DIRECT,
            Texts.forLocale(Locale.ENGLISH));

    view.load();

    assertThat(view.rows()).isEmpty();
    assertThat(view.errorProperty().get()).startsWith("The call encryption settings could not");
  }

  private CallEncryptionViewModel viewModel() {
    return new CallEncryptionViewModel(
        new AccountCallPolicies(
            database.accounts(), new DesktopSettings(database.settings()), List::of),
        DIRECT,
        DIRECT,
        Texts.forLocale(Locale.ENGLISH));
  }
}
