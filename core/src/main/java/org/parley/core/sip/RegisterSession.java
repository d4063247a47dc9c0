package org.parley.core.sip;

import java.util.UUID;
import org.parley.core.account.AccountConfig;
import org.parley.core.sip.digest.ChallengePolicy;

/**
 * The state RFC 3261 §10.2 keeps across an account's REGISTERs: one Call-ID and From tag, an
 * increasing CSeq. Owned by the core's loop.
 */
public final class RegisterSession {

  private final AccountConfig account;
  private final ChallengePolicy challengePolicy;
  private final String callId = UUID.randomUUID().toString();
  private final String fromTag = UUID.randomUUID().toString().substring(0, 8);
  private long cseq;

  public RegisterSession(AccountConfig account) {
    this.account = account;
    this.challengePolicy =
        new ChallengePolicy(account.domain(), account.outboundProxy().map(proxy -> proxy.host()));
  }

  public AccountConfig account() {
    return account;
  }

  public ChallengePolicy challengePolicy() {
    return challengePolicy;
  }

  public String callId() {
    return callId;
  }

  public String fromTag() {
    return fromTag;
  }

  /** The CSeq number for the next REGISTER of this session. */
  public long nextCseq() {
    return ++cseq;
  }
}
