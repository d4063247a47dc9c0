package org.parley.core.sip.jainsip;

import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import javax.sip.header.Header;
import javax.sip.message.Response;
import org.parley.core.account.AccountConfig;
import org.parley.core.sip.RegisterSession;
import org.parley.core.sip.digest.ChallengePolicy.ChallengedRequest;
import org.parley.core.sip.digest.ChallengePolicy.Verdict;
import org.parley.core.sip.digest.DigestChallenge;
import org.parley.core.sip.digest.DigestResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a 401/407 to one of our requests with the account's password when the account's {@link
 * org.parley.core.sip.digest.ChallengePolicy} allows it: REGISTERs and INVITEs share this.
 */
final class ChallengeAnswers {

  private static final Logger LOG = LoggerFactory.getLogger(ChallengeAnswers.class);
  private static final int MAX_CHALLENGE_ANSWERS = 2;

  /** The header to add to the retried request, and the realm it answers. */
  record Answer(Header header, String realm) {}

  private final SipFactories sip;
  private final SecureRandom random = new SecureRandom();

  ChallengeAnswers(SipFactories sip) {
    this.sip = sip;
  }

  /**
   * The Authorization (401) or Proxy-Authorization (407) for a retry, or empty when the challenge
   * must not or cannot be answered.
   *
   * @param answersSoFar how often this request was already retried with credentials
   */
  Optional<Answer> answer(
      RegisterSession session,
      Response response,
      String method,
      String digestUri,
      boolean inDialog,
      int answersSoFar) {
    boolean proxy = response.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
    String headerName = proxy ? "Proxy-Authenticate" : "WWW-Authenticate";
    List<DigestChallenge> challenges = new ArrayList<>();
    ListIterator<?> headers = response.getHeaders(headerName);
    while (headers.hasNext()) {
      String value = ((Header) headers.next()).toString();
      DigestChallenge.parse(proxy, value.substring(value.indexOf(':') + 1))
          .ifPresent(challenges::add);
    }
    Optional<DigestChallenge> strongest = DigestChallenge.strongest(challenges);
    if (strongest.isEmpty()) {
      return Optional.empty();
    }
    DigestChallenge challenge = strongest.get();
    // A second challenge is answered only when it says our nonce went stale (RFC 7616 §3.3):
    // otherwise the password was wrong, and asking again would only lock the account.
    if (answersSoFar >= MAX_CHALLENGE_ANSWERS || (answersSoFar > 0 && !challenge.stale())) {
      return Optional.empty();
    }
    AccountConfig account = session.account();
    Verdict verdict =
        session
            .challengePolicy()
            .judge(
                new ChallengedRequest(
                    method, inDialog, account.firstHop().host(), proxy, challenge.realm()));
    if (verdict != Verdict.ANSWER) {
      LOG.warn("Not answering a challenge for {}: {}", account.addressOfRecord(), verdict);
      return Optional.empty();
    }
    char[] password = account.password().get();
    try {
      DigestResponse answer =
          DigestResponse.answer(
              challenge,
              account.authUser(),
              password,
              method,
              digestUri,
              null,
              HexFormat.of().formatHex(cnonce()),
              1);
      Header header =
          sip.headers()
              .createHeader(proxy ? "Proxy-Authorization" : "Authorization", answer.headerValue());
      return Optional.of(new Answer(header, challenge.realm()));
    } catch (ParseException e) {
      LOG.warn("Cannot write the Authorization header for {}", account.addressOfRecord(), e);
      return Optional.empty();
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private byte[] cnonce() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return bytes;
  }
}
