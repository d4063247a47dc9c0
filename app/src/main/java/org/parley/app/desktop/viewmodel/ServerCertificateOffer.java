package org.parley.app.desktop.viewmodel;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.parley.core.sip.tls.CertificateSummary;

/**
 * A server certificate put before the user (one a server presented, or one read from a file): its
 * details on request, and nothing trusted until the user says so. Runs on the UI thread.
 */
public final class ServerCertificateOffer {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final int PAIRS_PER_LINE = 16;

  private final Texts texts;
  private X509Certificate offered;
  private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");

  ServerCertificateOffer(Texts texts) {
    this.texts = texts;
  }

  /** Offers {@code certificate}, replacing any earlier offer; {@code showNow} shows its details. */
  void offer(X509Certificate certificate, boolean showNow) {
    offered = certificate;
    details.set(describe(certificate));
    available.set(true);
    shown.set(showNow);
  }

  /** Shows the offered certificate's details. */
  public void show() {
    shown.set(available.get());
  }

  /** The offered certificate, which is no longer offered. */
  Optional<X509Certificate> take() {
    Optional<X509Certificate> taken = Optional.ofNullable(offered);
    clear();
    return taken;
  }

  void clear() {
    offered = null;
    available.set(false);
    shown.set(false);
    details.set("");
  }

  private String describe(X509Certificate certificate) {
    CertificateSummary summary;
    try {
      summary = CertificateSummary.of(certificate);
    } catch (CertificateEncodingException e) {
      return texts.text("certificate.unreadable", e.getMessage());
    }
    return texts.text(
        "certificate.details",
        summary.subject(),
        summary.issuer(),
        WHEN.format(summary.notBefore()),
        WHEN.format(summary.notAfter()),
        grouped(summary.sha256Fingerprint()));
  }

  // 32 pairs read more easily, and compare against an administrator's copy, as two lines of 16.
  static String grouped(String fingerprint) {
    String[] pairs = fingerprint.split(":");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < pairs.length; i++) {
      if (i > 0) {
        lines.append(i % PAIRS_PER_LINE == 0 ? "\n" : ":");
      }
      lines.append(pairs[i]);
    }
    return lines.toString();
  }

  /** Whether a certificate is on offer (the "Show" and "Trust" buttons apply to it). */
  public ReadOnlyBooleanProperty availableProperty() {
    return available.getReadOnlyProperty();
  }

  /** Whether its details are shown. */
  public ReadOnlyBooleanProperty shownProperty() {
    return shown.getReadOnlyProperty();
  }

  /** Subject, issuer, validity and SHA-256 fingerprint, for the user to check. */
  public ReadOnlyStringProperty detailsProperty() {
    return details.getReadOnlyProperty();
  }
}
