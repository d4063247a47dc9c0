package org.parley.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.ConsoleTarget;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.Map;

/**
 * Logback's configuration, set in code and found through {@link java.util.ServiceLoader}: parsing
 * an XML file instead loads about 650 classes at every start (ADR 0040).
 *
 * <p>Console: warnings and errors only, on stderr and without stack traces, so command output on
 * stdout stays clean; the log file is attached later by {@link LogFiles}. A {@code
 * logback.configurationFile} property or a {@code logback-test.xml} on the class path (the tests')
 * still wins: then this steps aside for Logback's own configurators.
 */
public final class LogbackSetup extends ContextAwareBase implements Configurator {

  /** People read the console: no stack traces there (they go to the log file). */
  static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n%nopex";

  /**
   * Loggers quieter than the root's INFO. JavaFX warns at every start that it runs from the class
   * path, our choice (ADR 0001); jain-sip warns about TLS defaults at every start and logs whole
   * messages, Authorization headers included, at debug level.
   */
  static final Map<String, Level> QUIET =
      Map.of("javafx", Level.ERROR, "jain-sip", Level.ERROR, "gov.nist", Level.ERROR);

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty(ContextInitializer.CONFIG_FILE_PROPERTY) != null
        || getClass().getClassLoader().getResource(ContextInitializer.TEST_AUTOCONFIG_FILE)
            != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    apply(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Sets up {@code context} as the app runs: console appender, levels, JUL propagation. */
  static void apply(LoggerContext context) {
    context.getStatusManager().add(new NopStatusListener());
    // JavaFX logs through java.util.logging; the bridge brings it here, and this keeps it cheap:
    // the propagator must be there before the levels are set, so that they reach JUL too.
    LevelChangePropagator propagator = new LevelChangePropagator();
    propagator.setContext(context);
    propagator.setResetJUL(true);
    context.addListener(propagator);
    propagator.start();
    QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));

    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(console(context));
  }

  private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(CONSOLE_PATTERN);
    encoder.start();

    ThresholdFilter warnings = new ThresholdFilter();
    warnings.setContext(context);
    warnings.setLevel(Level.WARN.levelStr);
    warnings.start();

    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("STDERR");
    appender.setTarget(ConsoleTarget.SystemErr.getName());
    appender.setEncoder(encoder);
    appender.addFilter(warnings);
    appender.start();
    return appender;
  }
}
