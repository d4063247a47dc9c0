package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.store.WatcherRule;
import org.parley.server.store.sqlite.ServerDatabase;

class WatcherAdministrationTest {

  @TempDir Path folder;

  @Test
  void rulesNameExistingUsersAndCanBeListedAndRemoved() throws Exception {
    try (ServerDatabase database = ServerDatabase.open(folder.resolve("parley.db"))) {
      UserAdministration users = new UserAdministration(database.users(), "office.example");
      users.add("bob", "builder-bob".toCharArray());
      users.add("mallory", "mallory-pw".toCharArray());
      WatcherAdministration watchers =
          new WatcherAdministration(database.watcherRules(), database.users());

      watchers.set("bob", "mallory", WatcherRule.BLOCK);
      assertThat(watchers.list("bob")).isEqualTo(Map.of("mallory", WatcherRule.BLOCK));
      assertThatThrownBy(() -> watchers.set("bob", "nobody", WatcherRule.ALLOW))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("There is no user 'nobody'");
      assertThatThrownBy(() -> watchers.set("bob", "bob", WatcherRule.BLOCK))
          .isInstanceOf(IllegalArgumentException.class);

      watchers.remove("bob", "mallory");
      assertThat(watchers.list("bob")).isEmpty();
      assertThatThrownBy(() -> watchers.remove("bob", "mallory"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("has no rule");
    }
  }
}
