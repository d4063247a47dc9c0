package org.parley.core.sip.digest;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Decides whether an account may answer a 401/407 challenge with its password. Any party on a
 * request's path can send a challenge; answering one from a call peer would hand it a hash to guess
 * the password from offline. So only the account's own registrar or outbound proxy gets an answer:
 * the REGISTERs we send it, out-of-dialog requests sent through it in its realm, and a 407 in its
 * realm to an in-dialog request routed through it. A 401 to an in-dialog request comes from the
 * peer (the UAS) and is never answered.
 */
public final class ChallengePolicy {

  /** What the policy decided, with the reason logged when it refuses. */
  public enum Verdict {
    ANSWER,
    REFUSE_PEER_CHALLENGE,
    REFUSE_NOT_OUR_SERVER,
    REFUSE_FOREIGN_REALM
  }

  /**
   * The challenged request as the policy sees it.
   *
   * @param method the request's method
   * @param inDialog whether the request belongs to a dialog (it carries a To tag)
   * @param nextHopHost the host the request was sent to (the first Route, else the Request-URI)
   * @param proxyChallenge whether the challenge was a 407 {@code Proxy-Authenticate}
   * @param realm the challenge's realm
   */
  public record ChallengedRequest(
      String method, boolean inDialog, String nextHopHost, boolean proxyChallenge, String realm) {}

  private final Set<String> serverHosts;
  private final Set<String> realms = new CopyOnWriteArraySet<>();

  /**
   * @param domain the account's SIP domain (its registrar unless a proxy is configured)
   * @param outboundProxyHost the configured outbound proxy's host, if any
   */
  public ChallengePolicy(String domain, Optional<String> outboundProxyHost) {
    String domainHost = lower(domain);
    // A set, not Set.of: the proxy may be the domain itself (sip:alice@10.0.0.5 via 10.0.0.5).
    Set<String> hosts = new HashSet<>();
    hosts.add(domainHost);
    outboundProxyHost.ifPresent(proxy -> hosts.add(lower(proxy)));
    serverHosts = Set.copyOf(hosts);
    realms.add(domainHost);
  }

  /**
   * Remembers the realm our registrar authenticated us in, so requests sent through it in that
   * realm are answered too (providers often name a realm other than the domain).
   */
  public void learnRealm(String realm) {
    realms.add(lower(realm));
  }

  public Verdict judge(ChallengedRequest request) {
    if (!serverHosts.contains(lower(request.nextHopHost()))) {
      return Verdict.REFUSE_NOT_OUR_SERVER;
    }
    if ("REGISTER".equals(request.method()) && !request.inDialog()) {
      return Verdict.ANSWER; // sent to our own registrar, which names its realm
    }
    if (request.inDialog() && !request.proxyChallenge()) {
      return Verdict.REFUSE_PEER_CHALLENGE;
    }
    return realms.contains(lower(request.realm())) ? Verdict.ANSWER : Verdict.REFUSE_FOREIGN_REALM;
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
