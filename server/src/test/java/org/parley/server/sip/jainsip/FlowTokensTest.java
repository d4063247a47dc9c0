package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FlowTokensTest {

  private static final FlowTokens.Flow CALLER = new FlowTokens.Flow("UDP", "192.0.2.7", 5062);
  private static final FlowTokens.Flow CALLEE = new FlowTokens.Flow("tcp", "2001:db8::5", 40312);
  private static final FlowTokens.Dialog DIALOG = new FlowTokens.Dialog(CALLER, CALLEE);

  private final FlowTokens tokens = new FlowTokens(key(1));

  @Test
  void aTokenNamesBothFlowsAndIsAValidSipUserPart() {
    String token = tokens.encode(DIALOG);

    assertThat(token).startsWith(FlowTokens.PREFIX).matches("[A-Za-z0-9_-]+");
    assertThat(tokens.decode(token)).contains(DIALOG);
  }

  @Test
  void eachFlowLeadsToTheOther() {
    assertThat(DIALOG.oppositeOf(new FlowTokens.Flow("udp", "192.0.2.7", 5062))).contains(CALLEE);
    assertThat(DIALOG.oppositeOf(CALLEE)).contains(CALLER);
    // A phone that reconnected from a new port is on neither flow.
    assertThat(DIALOG.oppositeOf(new FlowTokens.Flow("tcp", "2001:db8::5", 40313))).isEmpty();
  }

  @Test
  void tokensSignedWithAnotherKeyOrAlteredAreRejected() {
    String foreign = new FlowTokens(key(2)).encode(DIALOG);
    assertThat(tokens.decode(foreign)).isEmpty();

    byte[] raw = Base64.getUrlDecoder().decode(tokens.encode(DIALOG).substring(3));
    raw[raw.length - 1] ^= 1; // the callee's port, one bit off
    String altered =
        FlowTokens.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    assertThat(tokens.decode(altered)).isEmpty();
  }

  @Test
  void userPartsThatAreNotTokensAreIgnored() {
    assertThat(tokens.decode(null)).isEmpty();
    assertThat(tokens.decode("alice")).isEmpty();
    assertThat(tokens.decode(FlowTokens.PREFIX)).isEmpty();
    assertThat(tokens.decode(FlowTokens.PREFIX + "!!not base64!!")).isEmpty();
    assertThat(tokens.decode(FlowTokens.PREFIX + "AAAA")).isEmpty();
  }

  private static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }
}
