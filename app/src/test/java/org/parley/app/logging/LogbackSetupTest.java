package org.parley.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.ConsoleTarget;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogbackSetupTest {

  private final LoggerContext context = new LoggerContext();

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  void rootLogsInfoAndTheNoisyLibrariesOnlyErrors() {
    LogbackSetup.apply(context);

    assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel())
        .isEqualTo(Level.INFO);
    assertThat(context.getLogger("gov.nist.javax.sip.stack").getEffectiveLevel())
        .isEqualTo(Level.ERROR);
    assertThat(context.getLogger("jain-sip").getEffectiveLevel()).isEqualTo(Level.ERROR);
    assertThat(context.getLogger("javafx.scene").getEffectiveLevel()).isEqualTo(Level.ERROR);
    assertThat(context.getLogger("org.parley.core").getEffectiveLevel()).isEqualTo(Level.INFO);
  }

  @Test
  void javaUtilLoggingGetsTheSameLevels() {
    LogbackSetup.apply(context);

    assertThat(java.util.logging.Logger.getLogger("javafx").getLevel())
        .isEqualTo(java.util.logging.Level.SEVERE);
  }

  @Test
  @SuppressWarnings("unchecked") // the appender the setup attached is a console appender
  void theConsoleShowsWarningsInOneLineWithoutStackTraces() {
    LogbackSetup.apply(context);
    ConsoleAppender<ILoggingEvent> console =
        (ConsoleAppender<ILoggingEvent>)
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    ch.qos.logback.classic.Logger logger = context.getLogger("org.parley.app.Example");

    LoggingEvent info = new LoggingEvent("x", logger, Level.INFO, "fine", null, null);
    LoggingEvent warning =
        new LoggingEvent(
            "x",
            logger,
            Level.WARN,
            "port {} busy",
            new IllegalStateException("boom"),
            new Object[] {5060});

    assertThat(console.getTarget()).isEqualTo(ConsoleTarget.SystemErr.getName());
    assertThat(console.getCopyOfAttachedFiltersList().get(0).decide(info))
        .isEqualTo(FilterReply.DENY);
    assertThat(console.getCopyOfAttachedFiltersList().get(0).decide(warning))
        .isEqualTo(FilterReply.NEUTRAL);
    String line = new String(console.getEncoder().encode(warning), StandardCharsets.UTF_8);
    assertThat(line)
        .matches(
            "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  org\\.parley\\.app\\.Example - port 5060 busy\\R")
        .doesNotContain("IllegalStateException");
  }

  @Test
  void stepsAsideWhileTheTestsConfigurationIsOnTheClassPath() {
    ExecutionStatus status = new LogbackSetup().configure(context);

    assertThat(status).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
  }
}
