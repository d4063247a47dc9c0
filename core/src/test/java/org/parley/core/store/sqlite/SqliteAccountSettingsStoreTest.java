package org.parley.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.account.AccountSettings;
import org.parley.core.account.AccountSettingsStore;
import org.parley.core.account.ServerAddress;
import org.parley.core.account.Transport;
import org.parley.core.store.StoreException;

class SqliteAccountSettingsStoreTest extends ProfileDatabaseFixture {

  private AccountSettingsStore accounts;

  @BeforeEach
  void stores() {
    accounts = database.accounts();
  }

  private AccountSettingsStore reopened() {
    return reopen().accounts();
  }

  private static AccountSettings office() {
    return new AccountSettings(
        0,
        "Alice (office)",
        "sip:alice@office.example",
        "alice-auth",
        Optional.of(new ServerAddress("2001:db8::5", 5071)),
        Transport.TLS,
        600,
        false);
  }

  @Test
  void everyFieldSurvivesClosingAndReopening() {
    AccountSettings withProxy = accounts.save(office());
    AccountSettings plain = accounts.save(AccountSettings.of("Home", "sip:alice@home.example"));

    AccountSettingsStore read = reopened();

    assertThat(read.list()).containsExactly(withProxy, plain);
    assertThat(withProxy).isEqualTo(office().withId(withProxy.id()));
    assertThat(read.find(withProxy.id())).contains(withProxy);
    assertThat(read.find(plain.id()).orElseThrow().outboundProxy()).isEmpty();
    assertThat(read.find(plain.id()).orElseThrow().enabled()).isTrue();
  }

  @Test
  void saveWithAnIdReplacesThatAccount() {
    AccountSettings stored = accounts.save(office());
    AccountSettings edited =
        new AccountSettings(
            stored.id(),
            "Alice",
            "sip:alice@new.example",
            "alice",
            Optional.empty(),
            Transport.TCP,
            3600,
            true);

    assertThat(accounts.save(edited)).isEqualTo(edited);

    assertThat(reopened().list()).containsExactly(edited);
  }

  @Test
  void savingADeletedAccountFails() {
    AccountSettings stored = accounts.save(office());
    assertThat(accounts.delete(stored.id())).isTrue();

    assertThatThrownBy(() -> accounts.save(stored))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("no account " + stored.id());
    assertThat(accounts.delete(stored.id())).isFalse();
    assertThat(accounts.list()).isEmpty();
  }

  @Test
  void aDeletedAccountsIdIsNeverReused() {
    // Passwords are keyed by id: a reused id would hand the old account's password to a new one.
    AccountSettings first = accounts.save(office());
    accounts.delete(first.id());

    AccountSettings second = reopened().save(office());

    assertThat(second.id()).isGreaterThan(first.id());
    assertThat(second.credentialKey()).isNotEqualTo(first.credentialKey());
  }

  @Test
  void theAccountsTableHasNoPlaceForAPassword() {
    List<String> columns =
        database.execute(
            "list columns",
            connection -> {
              List<String> names = new ArrayList<>();
              try (Statement statement = connection.createStatement();
                  ResultSet rows = statement.executeQuery("PRAGMA table_info(accounts)")) {
                while (rows.next()) {
                  names.add(rows.getString("name").toLowerCase(Locale.ROOT));
                }
              }
              return names;
            });

    assertThat(columns)
        .contains("auth_user")
        .noneMatch(c -> c.contains("pass") || c.contains("secret"));
  }
}
