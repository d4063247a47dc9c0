package org.parley.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialogBoardTest {

  private final List<String> changed = new ArrayList<>();
  private final DialogBoard board = new DialogBoard(changed::add);

  private String document(String aor) {
    return new String(board.document(aor, 1), StandardCharsets.UTF_8);
  }

  @Test
  void endedTerminatesTheCallForBothPartiesAndForgetsIt() {
    board.update("sip:alice@example.com", "call-1", true, DialogBoard.State.CONFIRMED);
    board.update("sip:bob@example.com", "call-1", false, DialogBoard.State.CONFIRMED);
    changed.clear();

    board.ended("call-1");

    assertThat(changed).containsExactlyInAnyOrder("sip:alice@example.com", "sip:bob@example.com");
    assertThat(document("sip:alice@example.com")).doesNotContain("call-1");
    assertThat(document("sip:bob@example.com")).doesNotContain("call-1");
    assertThat(board.callCount()).isZero();
  }

  @Test
  void endedLeavesOtherCallsOfTheSameUsersAlone() {
    board.update("sip:alice@example.com", "call-1", true, DialogBoard.State.CONFIRMED);
    board.update("sip:alice@example.com", "call-2", false, DialogBoard.State.EARLY);
    board.update("sip:carol@example.com", "call-2", true, DialogBoard.State.EARLY);
    changed.clear();

    board.ended("call-1");

    assertThat(changed).containsExactly("sip:alice@example.com");
    assertThat(document("sip:alice@example.com"))
        .doesNotContain("call-id=\"call-1\"")
        .contains("call-id=\"call-2\"", "<state>early</state>");
    assertThat(document("sip:carol@example.com")).contains("call-id=\"call-2\"");
    assertThat(board.callCount()).isEqualTo(1);
  }

  @Test
  void endedForAnUnknownCallChangesNothing() {
    board.update("sip:alice@example.com", "call-1", true, DialogBoard.State.TRYING);
    changed.clear();

    board.ended("no-such-call");

    assertThat(changed).isEmpty();
    assertThat(document("sip:alice@example.com")).contains("<state>trying</state>");
  }

  @Test
  void aCallTerminatedByItsFinalResponseIsForgottenAndASecondEndIsIgnored() {
    board.update("sip:alice@example.com", "call-1", true, DialogBoard.State.TRYING);
    board.update("sip:alice@example.com", "call-1", true, DialogBoard.State.TERMINATED);
    changed.clear();

    board.ended("call-1");

    assertThat(changed).isEmpty();
    assertThat(board.callCount()).isZero();
  }

  @Test
  void aStateNeverGoesBack() {
    board.update("sip:alice@example.com", "call-1", true, DialogBoard.State.CONFIRMED);
    changed.clear();

    board.update("sip:alice@example.com", "call-1", true, DialogBoard.State.EARLY);

    assertThat(changed).isEmpty();
    assertThat(document("sip:alice@example.com")).contains("<state>confirmed</state>");
  }
}
