package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.SipMessage;
import org.parley.server.store.ChatRoom;
import org.parley.server.store.StoredMessage;
import org.parley.server.store.sqlite.ServerDatabase;
import org.parley.server.testing.MemoryLocationStore;
import org.parley.server.testing.MemoryMessageStore;

/**
 * Group chat rooms: a member's MESSAGE to the room reaches every other member from the room, with
 * the sender as From display name; offline members get it when they register.
 */
class GroupChatIT {

  private static final String ROOM_FROM = "\"sip:alice@office.example\" <sip:team@office.example>";
  private static final Map<String, String> PASSWORDS =
      Map.of("alice", "wonderland", "bob", "builder", "carol", "singalong", "dave", "notinvited");

  private static void addUsers(TestSipServer server) {
    PASSWORDS.forEach(server::addUser);
  }

  private static ChatRooms team() {
    return name ->
        "team".equals(name) ? Optional.of(List.of("alice", "bob", "carol")) : Optional.empty();
  }

  @Test
  void messageToTheRoomReachesBothOtherOnlineMembersFromTheRoom() throws Exception {
    MemoryMessageStore messages = new MemoryMessageStore();
    try (TestSipServer server = new TestSipServer(new MemoryLocationStore(), messages);
        RawSipClient alice = RawSipClient.udp(server.port);
        RawSipClient bob = RawSipClient.udp(server.port);
        RawSipClient carol = RawSipClient.tcp(server.port)) {
      addUsers(server);
      server.rooms(team());
      TestFlows.register(bob, "bob", "builder");
      TestFlows.register(carol, "carol", "singalong");

      SipMessage answer = TestFlows.message(alice, "alice", "wonderland", "team", "Stand-up now");
      assertThat(answer.status()).isEqualTo(202);

      for (RawSipClient member : List.of(bob, carol)) {
        SipMessage relayed = member.receive(m -> !m.isResponse());
        assertThat(relayed.method()).isEqualTo("MESSAGE");
        assertThat(relayed.body()).isEqualTo("Stand-up now");
        assertThat(relayed.header("From")).startsWith(ROOM_FROM);
        assertThat(relayed.header("Content-Type")).startsWith("text/plain");
        member.reply(relayed, 200, "OK", "", "");
      }
      assertThat(messages.removed.poll(5, TimeUnit.SECONDS)).isNotNull();
      assertThat(messages.removed.poll(5, TimeUnit.SECONDS)).isNotNull();
      // The sender gets no copy of her own message: nothing was kept for her.
      assertThat(messages.all()).isEmpty();
    }
  }

  @Test
  void nonMemberGets403AndNothingIsKept() throws Exception {
    MemoryMessageStore messages = new MemoryMessageStore();
    try (TestSipServer server = new TestSipServer(new MemoryLocationStore(), messages);
        RawSipClient dave = RawSipClient.udp(server.port)) {
      addUsers(server);
      server.rooms(team());
      assertThat(TestFlows.message(dave, "dave", "notinvited", "team", "let me in").status())
          .isEqualTo(403);
      assertThat(messages.all()).isEmpty();
    }
  }

  @Test
  void unknownRoomIsAnUnknownUser() throws Exception {
    try (TestSipServer server = new TestSipServer(new MemoryLocationStore());
        RawSipClient alice = RawSipClient.udp(server.port)) {
      addUsers(server);
      server.rooms(team());
      assertThat(TestFlows.message(alice, "alice", "wonderland", "sales", "hello?").status())
          .isEqualTo(404);
    }
  }

  @Test
  void offlineMemberGetsTheMessageOnceAtRegisterAfterARestart(@TempDir Path data) throws Exception {
    Path file = data.resolve("parley-server.db");
    try (ServerDatabase database = ServerDatabase.open(file)) {
      database.rooms().add(new ChatRoom("team", List.of("alice", "bob", "carol")));
      try (TestSipServer server = new TestSipServer(database.locations(), database.messages());
          RawSipClient alice = RawSipClient.udp(server.port)) {
        addUsers(server);
        server.rooms(name -> database.rooms().find(name).map(ChatRoom::members));
        assertThat(TestFlows.message(alice, "alice", "wonderland", "team", "kept").status())
            .isEqualTo(202);
      }
    }
    try (ServerDatabase database = ServerDatabase.open(file)) {
      RemovalsSeen removals = new RemovalsSeen(database.messages());
      try (TestSipServer server = new TestSipServer(database.locations(), removals);
          RawSipClient alice = RawSipClient.udp(server.port);
          RawSipClient bob = RawSipClient.udp(server.port)) {
        addUsers(server);
        // The room itself comes from the reopened database.
        server.rooms(name -> database.rooms().find(name).map(ChatRoom::members));
        TestFlows.register(bob, "bob", "builder");
        SipMessage delivered = bob.receive(m -> !m.isResponse());
        assertThat(delivered.body()).isEqualTo("kept");
        assertThat(delivered.header("From")).startsWith(ROOM_FROM);
        assertThat(delivered.header("To")).contains("sip:bob@office.example");
        bob.reply(delivered, 200, "OK", "", "");
        assertThat(removals.done().poll(5, TimeUnit.SECONDS)).isNotNull();

        // Registering again brings nothing old: the next message bob sees is the new one.
        TestFlows.register(bob, "bob", "builder");
        assertThat(TestFlows.message(alice, "alice", "wonderland", "team", "second").status())
            .isEqualTo(202);
        SipMessage next =
            bob.receive(m -> !m.isResponse() && !m.header("Via").equals(delivered.header("Via")));
        assertThat(next.body()).isEqualTo("second");

        // Carol has not registered: both copies still wait for her, oldest first.
        List<StoredMessage> forCarol =
            database
                .messages()
                .pendingFor("sip:carol@office.example")
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        assertThat(forCarol)
            .extracting(m -> new String(m.body()))
            .containsExactly("kept", "second");
      }
    }
  }
}
