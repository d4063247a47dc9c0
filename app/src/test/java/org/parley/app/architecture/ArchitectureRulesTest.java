package org.parley.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;
import org.parley.core.archfixture.CoreClassUsingJavaFx;
import org.parley.core.archfixture.CoreClassUsingJdbc;
import org.parley.server.archfixture.ServerClassUsingCore;

/** Each rule catches a sample class that breaks it, so a rule cannot silently stop working. */
class ArchitectureRulesTest {

  private static EvaluationResult evaluate(
      com.tngtech.archunit.lang.ArchRule rule, Class<?>... samples) {
    JavaClasses classes = new ClassFileImporter().importClasses(samples);
    return rule.evaluate(classes);
  }

  @Test
  void javaFxInCoreIsCaught() {
    EvaluationResult result =
        evaluate(ArchitectureRules.NO_JAVAFX_OUTSIDE_APP, CoreClassUsingJavaFx.class);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString())
        .contains("CoreClassUsingJavaFx", "javafx.scene.Node", "no display");
  }

  @Test
  void jdbcOutsideASqliteStoreIsCaught() {
    EvaluationResult result =
        evaluate(ArchitectureRules.JDBC_ONLY_IN_SQLITE_STORES, CoreClassUsingJdbc.class);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("java.sql.Connection");
  }

  @Test
  void serverUsingCoreIsCaughtTwice() {
    EvaluationResult direct =
        evaluate(ArchitectureRules.SERVER_NEVER_DEPENDS_ON_CORE, ServerClassUsingCore.class);
    EvaluationResult layers =
        evaluate(
            ArchitectureRules.MODULES_DEPEND_ONE_WAY,
            ServerClassUsingCore.class,
            org.parley.core.loop.EventLoop.class);

    assertThat(direct.hasViolation()).isTrue();
    assertThat(layers.hasViolation()).isTrue();
  }

  @Test
  void coreUsingAppIsCaughtByTheLayers() {
    EvaluationResult result =
        evaluate(
            ArchitectureRules.MODULES_DEPEND_ONE_WAY,
            CoreClassUsingJavaFx.class,
            org.parley.app.cli.VersionProvider.class);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("VersionProvider");
  }
}
