package org.parley.app.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.parley.app.desktop.viewmodel.AddAccountViewModel.Failure;
import org.parley.core.account.AccountSettings;
import org.parley.core.account.RegistrationEvent.FailureCause;
import org.parley.core.account.ServerAddress;
import org.parley.core.account.Transport;

class AddAccountViewModelTest {

  private static final Executor DIRECT = Runnable::run;

  private final List<AccountSettings> checked = new ArrayList<>();
  private final List<String> checkedPasswords = new ArrayList<>();
  private final List<AccountSettings> saved = new ArrayList<>();
  private Optional<Failure> verdict = Optional.empty();
  private final AddAccountViewModel form =
      new AddAccountViewModel(
          (account, password) -> {
            checked.add(account);
            checkedPasswords.add(new String(password));
            return verdict;
          },
          (account, password) -> saved.add(account),
          DIRECT,
          DIRECT,
          Texts.forLocale(Locale.ENGLISH));

  private final List<String> savedApis = new ArrayList<>();
  private final AddAccountViewModel formWithApi =
      new AddAccountViewModel(
          (account, password) -> {
            checked.add(account);
            return verdict;
          },
          (account, password) -> saved.add(account),
          (aor, api) -> savedApis.add(aor + " " + api.map(URI::toString).orElse("(derived)")),
          DIRECT,
          DIRECT,
          Texts.forLocale(Locale.ENGLISH));

  @Test
  void anHttpsVoicemailApiAddressIsSavedWithTheAccount() {
    formWithApi.addressProperty().set("alice@office.example");
    formWithApi.passwordProperty().set("s3cret-pw");
    formWithApi.voicemailApiProperty().set(" https://pbx.office.example:8081 ");

    formWithApi.checkAndSave();

    assertThat(saved).hasSize(1);
    assertThat(savedApis)
        .containsExactly("sip:alice@office.example https://pbx.office.example:8081/");
  }

  @Test
  void anEmptyVoicemailApiAddressMeansDerived() {
    formWithApi.addressProperty().set("alice@office.example");
    formWithApi.passwordProperty().set("s3cret-pw");

    formWithApi.checkAndSave();

    assertThat(savedApis).containsExactly("sip:alice@office.example (derived)");
  }

  @Test
  void plainHttpToAnotherMachineIsRefusedBeforeTheRegistrationIsTried() {
    formWithApi.addressProperty().set("alice@office.example");
    formWithApi.passwordProperty().set("s3cret-pw");
    formWithApi.voicemailApiProperty().set("http://pbx.office.example:8080/");

    formWithApi.checkAndSave();

    assertThat(checked).isEmpty();
    assertThat(saved).isEmpty();
    assertThat(savedApis).isEmpty();
    assertThat(formWithApi.messageProperty().get())
        .startsWith(
            "\u201chttp://pbx.office.example:8080/\u201d cannot be the voicemail API address")
        .contains("unencrypted");
  }

  @Test
  void plainHttpToThisComputerIsAccepted() {
    formWithApi.addressProperty().set("alice@office.example");
    formWithApi.passwordProperty().set("s3cret-pw");
    formWithApi.voicemailApiProperty().set("http://127.0.0.1:8080");

    formWithApi.checkAndSave();

    assertThat(savedApis).containsExactly("sip:alice@office.example http://127.0.0.1:8080/");
  }

  @Test
  void acceptedAccountIsSavedWithItsServerAndTransport() {
    form.displayNameProperty().set("Alice Smith");
    form.addressProperty().set("alice@office.example");
    form.passwordProperty().set("s3cret-pw");
    form.serverProperty().set("sip.office.example:5070");
    form.transportProperty().set(Transport.TCP);

    form.checkAndSave();

    AccountSettings expected =
        new AccountSettings(
            0,
            "Alice Smith",
            "sip:alice@office.example",
            "alice",
            Optional.of(ServerAddress.parse("sip.office.example:5070", 5060)),
            Transport.TCP,
            AccountSettings.of("a", "sip:a@b").expiresSeconds(),
            true);
    assertThat(checked).containsExactly(expected);
    assertThat(checkedPasswords).containsExactly("s3cret-pw");
    assertThat(saved).containsExactly(expected);
    assertThat(form.messageProperty().get())
        .isEqualTo("sip:alice@office.example works and is saved.");
    assertThat(form.savedProperty().get()).isTrue();
    assertThat(form.passwordProperty().get()).isEmpty();
  }

  @Test
  void wrongPasswordIsExplainedAndNothingIsSaved() {
    verdict =
        Optional.of(
            new Failure(
                FailureCause.WRONG_CREDENTIALS, "The server refused the user name or password"));
    form.addressProperty().set("sip:alice@office.example");
    form.passwordProperty().set("wrong");

    form.checkAndSave();

    assertThat(saved).isEmpty();
    assertThat(form.messageProperty().get())
        .isEqualTo(
            "The server did not accept that user name or password. Check both and try again.");
    assertThat(form.savedProperty().get()).isFalse();
    assertThat(form.busyProperty().get()).isFalse();
  }

  @Test
  void unreachableServerNamesWhereParleyTried() {
    verdict = Optional.of(new Failure(FailureCause.UNREACHABLE, "no route"));
    form.addressProperty().set("alice@office.example");
    form.passwordProperty().set("pw");

    form.checkAndSave();

    assertThat(form.messageProperty().get())
        .isEqualTo(
            "Parley could not reach office.example. Check the server name and your network"
                + " connection.");
  }

  @Test
  void formErrorsStopBeforeAnyRegistration() {
    form.addressProperty().set("alice");
    form.passwordProperty().set("pw");
    form.checkAndSave();
    assertThat(form.messageProperty().get())
        .isEqualTo("Type the address as user@domain, for example alice@example.com.");

    form.addressProperty().set("alice@office.example");
    form.passwordProperty().set("");
    form.checkAndSave();
    assertThat(form.messageProperty().get()).isEqualTo("Type the password of the account.");

    form.passwordProperty().set("pw");
    form.serverProperty().set("[::1");
    form.checkAndSave();
    assertThat(form.messageProperty().get()).startsWith("“[::1” is not a server address.");

    assertThat(checked).isEmpty();
  }
}
