package org.parley.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The repository's launchers ({@code parley}, {@code parley.cmd}) and the installed ones give the
 * desktop and the server the same JVM options: read from the scripts' text, since neither script
 * runs here for the other OS.
 */
class LauncherScriptsTest {

  private static final Path ROOT = Path.of("..");

  private static List<String> words(String text) {
    return new ArrayList<>(Arrays.asList(text.trim().split("\\s+")));
  }

  private static String group(String text, String regex) {
    Matcher matcher = Pattern.compile(regex, Pattern.DOTALL | Pattern.MULTILINE).matcher(text);
    assertThat(matcher.find()).as("finds " + regex).isTrue();
    return matcher.group(1);
  }

  private static String read(String name) throws IOException {
    return Files.readString(ROOT.resolve(name));
  }

  @Test
  void theShellScriptGivesTheDesktopTheInstalledAppsOptions() throws IOException {
    String script = read("parley");
    List<String> options = words(group(script, "^jvm_opts=\\(([^)]*)\\)"));
    // Added unless PARLEY_JAVA_OPTS names a collector.
    options.add(group(script, "\\|\\| jvm_opts\\+=\\((-XX:\\+Use\\w+GC)\\)"));

    assertThat(options).containsExactlyInAnyOrderElementsOf(JpackagePlan.DESKTOP_JAVA_OPTIONS);
  }

  @Test
  void theWindowsScriptGivesTheDesktopTheInstalledAppsOptions() throws IOException {
    String script = read("parley.cmd");
    List<String> options = words(group(script, "^set \"JVM_OPTS=(-[^\"%]*)\""));
    options.add(group(script, "^set \"GC_OPT=([^\"]*)\""));

    assertThat(options).containsExactlyInAnyOrderElementsOf(JpackagePlan.DESKTOP_JAVA_OPTIONS);
  }

  @Test
  void bothScriptsGiveTheServerTheServerLaunchersOptions() throws IOException {
    String shell = read("parley");
    String windows = read("parley.cmd");

    assertThat(
            words(
                group(
                    shell,
                    "if \\[\\[ \"\\$\\{1:-\\}\" == server && \"\\$\\{2:--\\}\" == -\\* \\]\\]; then"
                        + "\\s*jvm_opts=\\(([^)]*)\\)")))
        .containsExactlyElementsOf(ServerLauncher.JAVA_OPTIONS);
    assertThat(
            words(
                group(
                    windows,
                    "^if \"%ARG1%\"==\"server\" \\(\\s*if not defined ARG2 set"
                        + " \"SERVER_OPTS=([^\"]*)\"")))
        .containsExactlyElementsOf(ServerLauncher.JAVA_OPTIONS);
    assertThat(windows).contains("if defined ARG2 if \"%ARG2:~0,1%\"==\"-\" set \"SERVER_OPTS=");
  }
}
