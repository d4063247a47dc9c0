package org.parley.core.sip.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.core.sip.digest.ChallengePolicy.ChallengedRequest;
import org.parley.core.sip.digest.ChallengePolicy.Verdict;

/** Who gets the account's password hash: its registrar and proxy, never a call peer. */
class ChallengePolicyTest {

  private final ChallengePolicy policy =
      new ChallengePolicy("office.example", Optional.of("proxy.office.example"));

  @Test
  void registerToOurRegistrarIsAnsweredInAnyRealm() {
    assertThat(policy.judge(new ChallengedRequest("REGISTER", false, "Office.Example", false, "x")))
        .isEqualTo(Verdict.ANSWER);
    assertThat(
            policy.judge(
                new ChallengedRequest("REGISTER", false, "proxy.office.example", true, "x")))
        .isEqualTo(Verdict.ANSWER);
  }

  @Test
  void anOutboundProxyThatIsTheDomainItselfIsAccepted() {
    ChallengePolicy sameHost = new ChallengePolicy("10.0.0.5", Optional.of("10.0.0.5"));

    assertThat(sameHost.judge(new ChallengedRequest("INVITE", false, "10.0.0.5", true, "10.0.0.5")))
        .isEqualTo(Verdict.ANSWER);
  }

  @Test
  void challengeFromAHostThatIsNotOurServerIsRefused() {
    assertThat(policy.judge(new ChallengedRequest("REGISTER", false, "evil.example", false, "x")))
        .isEqualTo(Verdict.REFUSE_NOT_OUR_SERVER);
    assertThat(
            policy.judge(
                new ChallengedRequest("INVITE", false, "10.0.0.9", true, "office.example")))
        .isEqualTo(Verdict.REFUSE_NOT_OUR_SERVER);
  }

  @Test
  void inDialogWwwAuthenticateComesFromThePeerAndIsNeverAnswered() {
    // Even routed through our proxy and naming our realm: a 401 is the UAS's own challenge.
    assertThat(
            policy.judge(
                new ChallengedRequest(
                    "BYE", true, "proxy.office.example", false, "office.example")))
        .isEqualTo(Verdict.REFUSE_PEER_CHALLENGE);
    assertThat(
            policy.judge(
                new ChallengedRequest(
                    "INVITE", true, "proxy.office.example", false, "office.example")))
        .isEqualTo(Verdict.REFUSE_PEER_CHALLENGE);
  }

  @Test
  void inDialogProxyChallengeFromOurProxyInOurRealmIsAnswered() {
    assertThat(
            policy.judge(
                new ChallengedRequest(
                    "INVITE", true, "proxy.office.example", true, "office.example")))
        .isEqualTo(Verdict.ANSWER);
  }

  @Test
  void inDialogProxyChallengeInAForeignRealmIsRefused() {
    assertThat(
            policy.judge(
                new ChallengedRequest(
                    "INVITE", true, "proxy.office.example", true, "peer.example")))
        .isEqualTo(Verdict.REFUSE_FOREIGN_REALM);
  }

  @Test
  void outOfDialogRequestIsAnsweredOnlyInOurRegistrarsRealm() {
    ChallengedRequest invite =
        new ChallengedRequest("INVITE", false, "office.example", true, "asterisk");
    assertThat(policy.judge(invite)).isEqualTo(Verdict.REFUSE_FOREIGN_REALM);

    policy.learnRealm("Asterisk");

    assertThat(policy.judge(invite)).isEqualTo(Verdict.ANSWER);
  }
}
