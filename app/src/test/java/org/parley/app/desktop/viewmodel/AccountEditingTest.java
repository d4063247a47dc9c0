package org.parley.app.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.desktop.viewmodel.AddAccountViewModel.Failure;
import org.parley.core.account.AccountSettings;
import org.parley.core.account.RegistrationEvent.FailureCause;
import org.parley.core.account.ServerAddress;
import org.parley.core.account.Transport;

/** Editing, removing and trusting a server certificate in the account form, without a toolkit. */
class AccountEditingTest {

  private static final Executor DIRECT = Runnable::run;
  // Computed by `openssl x509 -noout -fingerprint -sha256` from office.pem, not by Parley.
  private static final String OFFICE_FINGERPRINT =
      "14:4D:26:88:DA:E9:69:7C:97:D2:7F:AD:EB:96:25:E6\n"
          + "E1:9B:15:5B:6C:08:02:B0:4F:DB:69:A0:CA:51:78:6B";

  @TempDir Path files;

  private final FakeAccounts stored = new FakeAccounts();
  private final List<String> checkedPasswords = new ArrayList<>();
  private final List<List<X509Certificate>> checkedTrust = new ArrayList<>();
  private final List<Optional<Failure>> verdicts = new ArrayList<>();
  private final AddAccountViewModel form =
      new AddAccountViewModel(
          new AddAccountViewModel.RegistrationCheck() {
            @Override
            public Optional<Failure> register(AccountSettings account, char[] password) {
              throw new AssertionError("the form must pass the trusted certificates");
            }

            @Override
            public Optional<Failure> register(
                AccountSettings account, char[] password, List<X509Certificate> trusted) {
              checkedPasswords.add(new String(password));
              checkedTrust.add(List.copyOf(trusted));
              return verdicts.isEmpty() ? Optional.empty() : verdicts.remove(0);
            }
          },
          stored,
          DIRECT,
          DIRECT,
          Texts.forLocale(Locale.ENGLISH));

  private AccountSettings alice;

  @BeforeEach
  void storeAlice() {
    alice =
        new AccountSettings(
            7,
            "Alice",
            "sip:alice@office.example",
            "alice-auth",
            Optional.of(ServerAddress.parse("pbx.office.example:5061", 5061)),
            Transport.TLS,
            600,
            true);
    stored.accounts.put(alice.addressOfRecord(), alice);
    stored.passwords.put(alice.id(), "stored-pw");
  }

  @Test
  void editFillsTheFormFromTheStoredAccountWithAnEmptyPassword() {
    form.edit("sip:alice@office.example");

    assertThat(form.editingProperty().get()).isEqualTo("sip:alice@office.example");
    assertThat(form.displayNameProperty().get()).isEqualTo("Alice");
    assertThat(form.addressProperty().get()).isEqualTo("alice@office.example");
    assertThat(form.serverProperty().get()).isEqualTo("pbx.office.example:5061");
    assertThat(form.transportProperty().get()).isEqualTo(Transport.TLS);
    assertThat(form.passwordProperty().get()).isEmpty();
  }

  @Test
  void anEmptyPasswordChecksAndKeepsTheStoredOne() {
    form.edit("sip:alice@office.example");
    form.serverProperty().set("pbx2.office.example");

    form.checkAndSave();

    assertThat(checkedPasswords).containsExactly("stored-pw");
    assertThat(stored.replaced).hasSize(1);
    Replacement replacement = stored.replaced.get(0);
    assertThat(replacement.before()).isEqualTo(alice);
    assertThat(replacement.after().id()).isEqualTo(7);
    assertThat(replacement.after().authUser()).isEqualTo("alice-auth");
    assertThat(replacement.after().expiresSeconds()).isEqualTo(600);
    assertThat(replacement.after().outboundProxy())
        .contains(new ServerAddress("pbx2.office.example", 5061));
    assertThat(replacement.password()).isNull();
    assertThat(form.messageProperty().get())
        .isEqualTo("sip:alice@office.example works; the changes are saved and it signs in again.");
    assertThat(form.editingProperty().get()).isEmpty();
  }

  @Test
  void aWrongNewPasswordIsExplainedAndNothingIsReplaced() {
    verdicts.add(Optional.of(new Failure(FailureCause.WRONG_CREDENTIALS, "refused the password")));
    form.edit("sip:alice@office.example");
    form.passwordProperty().set("typo-pw");

    form.checkAndSave();

    assertThat(checkedPasswords).containsExactly("typo-pw");
    assertThat(stored.replaced).isEmpty();
    assertThat(form.messageProperty().get())
        .isEqualTo(
            "The server did not accept that user name or password. Check both and try again.");
    assertThat(form.editingProperty().get()).isEqualTo("sip:alice@office.example");
  }

  @Test
  void aNewPasswordIsStoredWithTheEditedAccount() {
    form.edit("sip:alice@office.example");
    form.passwordProperty().set("new-pw");

    form.checkAndSave();

    assertThat(stored.replaced)
        .singleElement()
        .extracting(Replacement::password)
        .isEqualTo("new-pw");
  }

  @Test
  void aChangedUserNameAuthenticatesAsTheNewUser() {
    form.edit("sip:alice@office.example");
    form.addressProperty().set("alicia@office.example");

    form.checkAndSave();

    AccountSettings after = stored.replaced.get(0).after();
    assertThat(after.addressOfRecord()).isEqualTo("sip:alicia@office.example");
    assertThat(after.authUser()).isEqualTo("alicia");
    assertThat(stored.voicemailApis).containsEntry("sip:alice@office.example", Optional.empty());
  }

  @Test
  void removeDeletesTheStoredAccount() {
    form.remove("sip:alice@office.example");

    assertThat(stored.removed).containsExactly(alice);
    assertThat(form.messageProperty().get())
        .isEqualTo("sip:alice@office.example is signed out and removed.");
  }

  @Test
  void removingAnUnknownAccountSaysSoAndDeletesNothing() {
    form.remove("sip:nobody@office.example");

    assertThat(stored.removed).isEmpty();
    assertThat(form.messageProperty().get())
        .isEqualTo("sip:nobody@office.example is not a stored account.");
  }

  @Test
  void aTlsFailureOffersThePresentedCertificateWithoutTrustingIt() throws Exception {
    X509Certificate office = certificate("office.pem");
    verdicts.add(
        Optional.of(new Failure(FailureCause.TLS_CERTIFICATE, "not trusted", List.of(office))));
    form.edit("sip:alice@office.example");

    form.checkAndSave();

    assertThat(stored.replaced).isEmpty();
    assertThat(form.messageProperty().get())
        .startsWith("The certificate of pbx.office.example:5061 is not trusted");
    assertThat(form.certificate().availableProperty().get()).isTrue();
    assertThat(form.certificate().shownProperty().get()).isFalse();
    form.certificate().show();
    assertThat(form.certificate().detailsProperty().get())
        .contains("Issued to: CN=office.example")
        .contains("Issued by: CN=office.example")
        .contains("Valid from: 2026-11-22 20:56 UTC")
        .contains("Valid until: 2126-10-29 20:56 UTC")
        .endsWith("SHA-256 fingerprint:\n" + OFFICE_FINGERPRINT);
  }

  @Test
  void trustingTheOfferedCertificateChecksAgainWithItAndStoresItWithTheAccount() throws Exception {
    X509Certificate office = certificate("office.pem");
    verdicts.add(
        Optional.of(new Failure(FailureCause.TLS_CERTIFICATE, "not trusted", List.of(office))));
    form.edit("sip:alice@office.example");
    form.checkAndSave();

    form.trustOfferedCertificate();

    assertThat(checkedTrust).containsExactly(List.of(), List.of(office));
    assertThat(stored.replaced)
        .singleElement()
        .extracting(Replacement::trusted)
        .isEqualTo(List.of(office));
    assertThat(form.certificate().availableProperty().get()).isFalse();
  }

  @Test
  void certificatesTrustedEarlierStayTrustedWhenTheAccountIsEdited() throws Exception {
    X509Certificate office = certificate("office.pem");
    stored.trusted.put(alice.id(), List.of(office));
    form.edit("sip:alice@office.example");

    form.checkAndSave();

    assertThat(checkedTrust).containsExactly(List.of(office));
    assertThat(stored.replaced.get(0).trusted()).containsExactly(office);
  }

  @Test
  void anImportedDerFileIsShownButTrustedOnlyWhenTheUserSaysSo() throws Exception {
    Path der = files.resolve("office.der");
    try (InputStream in = getClass().getResourceAsStream("office.der")) {
      Files.write(der, in.readAllBytes());
    }
    form.edit("sip:alice@office.example");

    form.importCertificate(der);

    assertThat(form.certificate().shownProperty().get()).isTrue();
    assertThat(form.certificate().detailsProperty().get()).endsWith(OFFICE_FINGERPRINT);
    assertThat(checkedTrust).isEmpty();
    assertThat(stored.replaced).isEmpty();

    form.trustOfferedCertificate();

    assertThat(stored.replaced.get(0).trusted()).containsExactly(certificate("office.pem"));
  }

  @Test
  void aFileThatIsNoCertificateGivesAClearErrorAndOffersNothing() throws Exception {
    Path garbage = files.resolve("notes.pem");
    Files.writeString(
        garbage, "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n", StandardCharsets.US_ASCII);

    form.importCertificate(garbage);

    assertThat(form.messageProperty().get())
        .isEqualTo("notes.pem cannot be used: The file holds no certificate in PEM or DER form.");
    assertThat(form.certificate().availableProperty().get()).isFalse();
  }

  @Test
  void aNewAccountStillNeedsAPassword() {
    form.addressProperty().set("bob@office.example");

    form.checkAndSave();

    assertThat(checkedPasswords).isEmpty();
    assertThat(form.messageProperty().get()).isEqualTo("Type the password of the account.");
  }

  private X509Certificate certificate(String resource) throws Exception {
    try (InputStream in = getClass().getResourceAsStream(resource)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  private record Replacement(
      AccountSettings before,
      AccountSettings after,
      String password,
      List<X509Certificate> trusted) {}

  private static final class FakeAccounts implements StoredAccounts {
    final Map<String, AccountSettings> accounts = new LinkedHashMap<>();
    final Map<Long, String> passwords = new LinkedHashMap<>();
    final Map<Long, List<X509Certificate>> trusted = new LinkedHashMap<>();
    final Map<String, Optional<URI>> voicemailApis = new LinkedHashMap<>();
    final List<Replacement> replaced = new ArrayList<>();
    final List<AccountSettings> removed = new ArrayList<>();

    @Override
    public Optional<AccountSettings> find(String addressOfRecord) {
      return Optional.ofNullable(accounts.get(addressOfRecord));
    }

    @Override
    public Optional<URI> voicemailApi(String addressOfRecord) {
      return Optional.empty();
    }

    @Override
    public List<X509Certificate> trustedCertificates(AccountSettings account) {
      return trusted.getOrDefault(account.id(), List.of());
    }

    @Override
    public char[] password(AccountSettings account) {
      return passwords.get(account.id()).toCharArray();
    }

    @Override
    public void add(AccountSettings account, char[] password, List<X509Certificate> certs) {
      accounts.put(account.addressOfRecord(), account);
    }

    @Override
    public void replace(
        AccountSettings before,
        AccountSettings after,
        Optional<char[]> password,
        List<X509Certificate> certs) {
      replaced.add(
          new Replacement(
              before, after, password.map(String::new).orElse(null), List.copyOf(certs)));
    }

    @Override
    public void remove(AccountSettings account) {
      removed.add(account);
    }

    @Override
    public void saveVoicemailApi(String addressOfRecord, Optional<URI> apiAddress) {
      voicemailApis.put(addressOfRecord, apiAddress);
    }
  }
}
