package org.parley.server.sip.jainsip;

import java.time.Clock;
import org.parley.server.store.StoreException;
import org.parley.server.voicemail.Mailboxes;
import org.parley.server.voicemail.MessageSummary;
import org.parley.server.voicemail.VoicemailSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Voicemail as the SIP server offers it: the mailboxes and when calls go to them. Handed to {@link
 * JainSipServer#start}, it wires the deposit agent into the proxy and message summaries (RFC 3842)
 * into the presence agent.
 *
 * @param mailboxes the users' mailboxes
 * @param settings the no-answer time and recording limits
 */
public record VoicemailService(Mailboxes mailboxes, VoicemailSettings settings) {

  private static final Logger LOG = LoggerFactory.getLogger(VoicemailService.class);

  VoicemailHandler attach(
      SipContext sip, Responses responses, ProxyCore proxy, PresenceAgent presence, Clock clock) {
    VoicemailHandler handler = new VoicemailHandler(sip, responses, mailboxes, settings, clock);
    proxy.divertTo(handler);
    presence.messageSummaries(aor -> summary(aor).body(aor));
    mailboxes.addListener(user -> presence.mailboxChanged("sip:" + user + "@" + sip.domain()));
    return handler;
  }

  private MessageSummary summary(String aor) {
    String user = aor.substring("sip:".length(), aor.lastIndexOf('@'));
    try {
      return mailboxes.summary(user);
    } catch (StoreException e) {
      LOG.warn("Cannot count the voicemail of {}: {}", user, e.getMessage());
      return new MessageSummary(0, 0);
    }
  }
}
