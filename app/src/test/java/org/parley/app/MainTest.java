package org.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.app.cli.DesktopEntry;

class MainTest {

  private final List<List<String>> launches = new ArrayList<>();

  private final DesktopEntry desktop =
      new DesktopEntry() {
        @Override
        public int launch() {
          launches.add(List.of());
          return 7;
        }

        @Override
        public int launch(List<String> links) {
          launches.add(links);
          return 0;
        }
      };

  @Test
  void noArgumentsOpensTheDesktopAndReturnsItsExitStatus() {
    assertThat(Main.run(new String[0], desktop)).isEqualTo(7);

    assertThat(launches).containsExactly(List.of());
  }

  @Test
  void aLinkStillGoesThroughTheCommandLineToTheDesktop() {
    assertThat(Main.run(new String[] {"sip:alice@example.com"}, desktop)).isZero();

    assertThat(launches).containsExactly(List.of("sip:alice@example.com"));
  }

  @Test
  void theServerLauncherRunsTheServerCommandWithTheArgumentsGiven() {
    assertThat(ServerMain.serverArguments(new String[] {"--data", "/var/lib/parley"}))
        .containsExactly("server", "--data", "/var/lib/parley");
    assertThat(ServerMain.serverArguments(new String[0])).containsExactly("server");
    // "server --help" is the server command's help: no desktop, status 0.
    assertThat(Main.run(ServerMain.serverArguments(new String[] {"--help"}), desktop)).isZero();
    assertThat(launches).isEmpty();
  }
}
