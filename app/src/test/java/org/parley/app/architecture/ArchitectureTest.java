package org.parley.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks every rule against the production classes of all modules on the app's classpath. */
class ArchitectureTest {

  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Other modules' test helpers (core's BundledServer...) come as *-tests.jar, which
            // DO_NOT_INCLUDE_TESTS does not recognise; they may use the server, production may not.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.parley");
  }

  static Stream<ArchRule> rules() {
    return Stream.of(
        ArchitectureRules.NO_JAVAFX_OUTSIDE_APP,
        ArchitectureRules.SIP_STACK_ONLY_IN_ADAPTERS,
        ArchitectureRules.FFMPEG_ONLY_IN_MEDIA_ENGINE_ADAPTER,
        ArchitectureRules.ICE4J_ONLY_IN_ICE_ADAPTERS,
        ArchitectureRules.JNA_ONLY_IN_LIBOPUS_BINDING,
        ArchitectureRules.DBUS_ONLY_IN_NOTIFICATIONS,
        ArchitectureRules.JDBC_ONLY_IN_SQLITE_STORES,
        ArchitectureRules.SERVER_NEVER_DEPENDS_ON_CORE,
        ArchitectureRules.MODULES_DEPEND_ONE_WAY);
  }

  @Test
  void importSeesEveryModule() {
    // A rule over an empty or partial import would pass vacuously.
    Stream.of(
            "org.parley.app.Main",
            "org.parley.core.loop.ThreadEventLoop",
            "org.parley.os.credentials.FileCredentialStore",
            "org.parley.server.auth.DigestCredentials",
            "org.parley.media.codec.G711",
            "org.parley.resources.Messages")
        .forEach(name -> assertThat(production.contain(name)).as(name).isTrue());
    assertThat(production.contain("org.parley.core.archfixture.CoreClassUsingJavaFx")).isFalse();
  }

  @ParameterizedTest
  @MethodSource("rules")
  void productionCodeFollowsTheRule(ArchRule rule) {
    rule.check(production);
  }
}
