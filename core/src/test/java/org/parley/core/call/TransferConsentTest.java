package org.parley.core.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.parley.core.sip.SipDialog;

class TransferConsentTest {

  @Test
  void anAskedUserMustDecideBeforeTheReferSubscriptionEnds() {
    assertThat(TransferConsent.LONGEST_DECISION_TIMEOUT).isLessThan(SipDialog.REFER_SUBSCRIPTION);
    assertThat(TransferConsent.ask(TransferConsent.LONGEST_DECISION_TIMEOUT).decisionTimeout())
        .isEqualTo(TransferConsent.LONGEST_DECISION_TIMEOUT);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TransferConsent.ask(SipDialog.REFER_SUBSCRIPTION))
        .withMessageContaining("subscription");
  }

  @Test
  void theDefaultDecisionTimeoutFitsTheSubscription() {
    assertThat(TransferConsent.ask().decisionTimeout())
        .isLessThanOrEqualTo(TransferConsent.LONGEST_DECISION_TIMEOUT);
  }

  @Test
  void askingNeedsAPositiveTimeout() {
    assertThatIllegalArgumentException().isThrownBy(() -> TransferConsent.ask(Duration.ZERO));
  }
}
