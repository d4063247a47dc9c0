package org.parley.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AppVersionTest {

  @Test
  void snapshotQualifierIsDropped() {
    assertThat(AppVersion.fromMavenVersion("0.1.0-SNAPSHOT")).hasToString("0.1.0");
    assertThat(AppVersion.fromMavenVersion("2.3")).hasToString("2.3");
  }

  @Test
  void nonNumericVersionIsRefused() {
    assertThatThrownBy(() -> AppVersion.fromMavenVersion("next"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'next'");
    assertThatThrownBy(() -> AppVersion.fromMavenVersion("1.2.3.4"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void msiRefusesComponentsBeyondWindowsInstallerLimits() {
    assertThat(AppVersion.fromMavenVersion("255.255.65535").requireValidFor(InstallerType.MSI))
        .hasToString("255.255.65535");
    assertThatThrownBy(
            () -> AppVersion.fromMavenVersion("1.256.0").requireValidFor(InstallerType.MSI))
        .hasMessageContaining("255.255.65535");
  }

  @Test
  void dmgNeedsAMajorVersionOfAtLeastOne() {
    assertThatThrownBy(
            () -> AppVersion.fromMavenVersion("0.1.0").requireValidFor(InstallerType.DMG))
        .hasMessageContaining("major version of 1");
    assertThat(AppVersion.fromMavenVersion("0.1.0").requireValidFor(InstallerType.DEB))
        .hasToString("0.1.0");
  }
}
