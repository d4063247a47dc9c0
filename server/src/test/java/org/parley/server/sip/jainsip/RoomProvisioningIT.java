package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.ParleyServer;
import org.parley.server.RoomAdministration;
import org.parley.server.UserAdministration;
import org.parley.server.config.ServerConfig;
import org.parley.server.config.ServerConfigOverrides;
import org.parley.server.sip.FreePorts;
import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.SipMessage;
import org.parley.server.store.sqlite.ServerDatabase;

/** Rooms provisioned from another database connection while the assembled server runs. */
class RoomProvisioningIT {

  @Test
  void roomAddedWhileTheServerRunsRelaysAtOnceAndRemovedRoomIsUnknown(@TempDir Path data)
      throws Exception {
    ServerConfig config =
        ServerConfig.resolve(
            new ServerConfigOverrides()
                .dataDir(data)
                .domain(TestSipServer.DOMAIN)
                .bindAddress("127.0.0.1")
                .sipPort(FreePorts.udpAndTcp())
                .tlsPort(0)
                .httpPort(0));
    Path file = ParleyServer.databaseFile(config);
    try (ServerDatabase database = ServerDatabase.open(file)) {
      UserAdministration users = new UserAdministration(database.users(), TestSipServer.DOMAIN);
      users.add("alice", "wonderland".toCharArray());
      users.add("bob", "builder1".toCharArray());
    }
    try (ParleyServer server = ParleyServer.start(config, "test");
        ServerDatabase admin = ServerDatabase.open(file);
        RawSipClient alice = RawSipClient.udp(config.sipPort());
        RawSipClient bob = RawSipClient.udp(config.sipPort())) {
      RoomAdministration rooms = new RoomAdministration(admin.rooms(), admin.users());
      rooms.add("team", List.of("alice", "bob"));
      TestFlows.register(bob, "bob", "builder1");

      assertThat(TestFlows.message(alice, "alice", "wonderland", "team", "hi all").status())
          .isEqualTo(202);
      SipMessage relayed = bob.receive(m -> !m.isResponse());
      assertThat(relayed.body()).isEqualTo("hi all");
      assertThat(relayed.header("From"))
          .startsWith("\"sip:alice@office.example\" <sip:team@office.example>");
      bob.reply(relayed, 200, "OK", "", "");

      rooms.remove("team");
      assertThat(TestFlows.message(alice, "alice", "wonderland", "team", "anyone?").status())
          .isEqualTo(404);
    }
  }
}
