package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProxyBranchesTest {

  @Test
  void uniqueBranchesCarryTheCookieAndTheLoopHashAndNeverRepeat() {
    Set<String> branches = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String branch = ProxyBranches.uniqueBranch("abc123");
      assertThat(branch).startsWith("z9hG4bKabc123.").matches("z9hG4bKabc123\\.[0-9a-f]{17,}");
      branches.add(branch);
    }
    assertThat(branches).hasSize(10_000);
  }
}
