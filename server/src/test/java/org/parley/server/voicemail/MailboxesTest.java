package org.parley.server.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.media.wav.WavFileSink;
import org.parley.media.wav.WavFileSource;
import org.parley.server.store.sqlite.ServerDatabase;

/** Deposits survive restarts complete or not at all; what a crash leaves is cleaned at start. */
class MailboxesTest {

  private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path data;

  private Path folder() {
    return data.resolve("voicemail");
  }

  private Mailboxes open(ServerDatabase database) throws Exception {
    return Mailboxes.open(database.voicemail(), new MailboxFolder(folder()));
  }

  private static void record(Path file, int samples) throws Exception {
    try (WavFileSink sink = WavFileSink.create(file, 8000, 1)) {
      sink.write(new short[samples], samples);
    }
  }

  @Test
  void interruptedDepositsAreNeverListedAndTheirFilesGoAtRestart() throws Exception {
    Path db = data.resolve("server.db");
    List<String> changed = new ArrayList<>();
    try (ServerDatabase database = ServerDatabase.open(db)) {
      Mailboxes mailboxes = open(database);
      mailboxes.addListener(changed::add);
      Path complete = mailboxes.newRecording();
      record(complete, 16000);
      mailboxes.deposit("bob", "<sip:dora@elsewhere.example>", AT, complete, 2000);

      // A crash while recording: the sink was never closed, its header never finished.
      WavFileSink halfWritten = WavFileSink.create(mailboxes.newRecording(), 8000, 1);
      halfWritten.write(new short[4000], 4000);
      // A crash after the rename but before the index row was written.
      record(folder().resolve("0f0e0d0c-unindexed.wav"), 8000);
    }

    try (ServerDatabase database = ServerDatabase.open(db)) {
      Mailboxes mailboxes = open(database);
      List<VoicemailMessage> listed = mailboxes.list("bob");
      assertThat(listed).hasSize(1);
      VoicemailMessage message = listed.get(0);
      assertThat(message.durationMillis()).isEqualTo(2000);
      assertThat(message.caller()).isEqualTo("<sip:dora@elsewhere.example>");
      assertThat(message.receivedAt()).isEqualTo(AT);
      try (WavFileSource audio = WavFileSource.open(mailboxes.audio(message))) {
        assertThat(audio.frameCount()).isEqualTo(16000);
      }
      try (var files = Files.list(folder())) {
        assertThat(files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()))
            .containsExactly(message.fileName());
      }
    }
    assertThat(changed).containsExactly("bob");
  }

  @Test
  void messagesWhoseAudioIsGoneAreForgottenAtStart() throws Exception {
    Path db = data.resolve("server.db");
    try (ServerDatabase database = ServerDatabase.open(db)) {
      Mailboxes mailboxes = open(database);
      for (int i = 0; i < 2; i++) {
        Path recording = mailboxes.newRecording();
        record(recording, 800);
        mailboxes.deposit("bob", "caller " + i, AT, recording, 100);
      }
      Files.delete(mailboxes.audio(mailboxes.list("bob").get(0)));
    }
    try (ServerDatabase database = ServerDatabase.open(db)) {
      assertThat(open(database).list("bob"))
          .extracting(VoicemailMessage::caller)
          .containsExactly("caller 1");
    }
  }

  @Test
  void heardAndDeleteChangeOnlyTheOwnersMessage() throws Exception {
    try (ServerDatabase database = ServerDatabase.open(data.resolve("server.db"))) {
      Mailboxes mailboxes = open(database);
      Path recording = mailboxes.newRecording();
      record(recording, 800);
      long id = mailboxes.deposit("bob", "dora", AT, recording, 100).id();

      assertThat(mailboxes.markHeard("carol", id)).isFalse();
      assertThat(mailboxes.delete("carol", id)).isFalse();
      assertThat(mailboxes.summary("bob")).isEqualTo(new MessageSummary(1, 0));

      assertThat(mailboxes.markHeard("bob", id)).isTrue();
      assertThat(mailboxes.summary("bob")).isEqualTo(new MessageSummary(0, 1));
      Path audio = mailboxes.audio(mailboxes.find("bob", id).orElseThrow());
      assertThat(mailboxes.delete("bob", id)).isTrue();
      assertThat(mailboxes.summary("bob")).isEqualTo(new MessageSummary(0, 0));
      assertThat(audio).doesNotExist();
    }
  }

  @Test
  void aGreetingMustBeEightKilohertzMonoWav() throws Exception {
    try (ServerDatabase database = ServerDatabase.open(data.resolve("server.db"))) {
      Mailboxes mailboxes = open(database);
      assertThat(mailboxes.greeting("bob")).isEqualTo(DefaultGreeting.samples());

      Path wideband = data.resolve("wide.wav");
      try (WavFileSink sink = WavFileSink.create(wideband, 16000, 1)) {
        sink.write(new short[1600], 1600);
      }
      byte[] wrongRate = Files.readAllBytes(wideband);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> mailboxes.saveGreeting("bob", wrongRate))
          .hasMessageContaining("8000 Hz mono");
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> mailboxes.saveGreeting("bob", "not a wav".getBytes()))
          .isInstanceOf(java.io.IOException.class);
      assertThat(mailboxes.greeting("bob")).isEqualTo(DefaultGreeting.samples());

      short[] own = new short[800];
      own[10] = 1234;
      Path narrow = data.resolve("own.wav");
      try (WavFileSink sink = WavFileSink.create(narrow, 8000, 1)) {
        sink.write(own, own.length);
      }
      mailboxes.saveGreeting("bob", Files.readAllBytes(narrow));
      assertThat(mailboxes.greeting("bob")).isEqualTo(own);
      assertThat(mailboxes.greeting("carol")).isEqualTo(DefaultGreeting.samples());
    }
  }
}
