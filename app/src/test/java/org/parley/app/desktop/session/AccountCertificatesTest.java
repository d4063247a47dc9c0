package org.parley.app.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.store.sqlite.ProfileDatabase;

class AccountCertificatesTest {

  @TempDir Path profile;

  @Test
  void trustedCertificatesAreKeptPerAccountIdAcrossRestarts() throws Exception {
    X509Certificate office = office();
    try (ProfileDatabase database = ProfileDatabase.open(profile)) {
      new AccountCertificates(database.settings()).setTrusted(3, List.of(office));
    }

    try (ProfileDatabase database = ProfileDatabase.open(profile)) {
      AccountCertificates certificates = new AccountCertificates(database.settings());
      assertThat(certificates.trusted(3)).containsExactly(office);
      assertThat(certificates.trusted(4)).isEmpty();
      assertThat(database.settings().get(AccountCertificates.PREFIX + 3))
          .hasValueSatisfying(pem -> assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----"));
    }
  }

  @Test
  void forgetAndAnEmptyListRemoveThem() throws Exception {
    try (ProfileDatabase database = ProfileDatabase.open(profile)) {
      AccountCertificates certificates = new AccountCertificates(database.settings());
      certificates.setTrusted(3, List.of(office()));
      certificates.setTrusted(5, List.of(office()));

      certificates.forget(3);
      certificates.setTrusted(5, List.of());

      assertThat(database.settings().get(AccountCertificates.PREFIX + 3)).isEmpty();
      assertThat(database.settings().get(AccountCertificates.PREFIX + 5)).isEmpty();
    }
  }

  @Test
  void aValueEditedIntoGarbageTrustsNothing() {
    try (ProfileDatabase database = ProfileDatabase.open(profile)) {
      database.settings().put(AccountCertificates.PREFIX + 3, "-----BEGIN CERTIFICATE-----\nxx");

      assertThat(new AccountCertificates(database.settings()).trusted(3)).isEmpty();
    }
  }

  private static X509Certificate office() throws Exception {
    try (InputStream in =
        AccountCertificatesTest.class.getResourceAsStream(
            "/org/parley/app/desktop/viewmodel/office.pem")) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
