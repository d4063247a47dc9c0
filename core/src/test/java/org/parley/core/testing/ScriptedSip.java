package org.parley.core.testing;

import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.parley.core.account.AccountConfig;
import org.parley.core.sip.DialogListener;
import org.parley.core.sip.IncomingInvite;
import org.parley.core.sip.OutgoingRequest;
import org.parley.core.sip.RegisterResult;
import org.parley.core.sip.RegisterSession;
import org.parley.core.sip.RequestOutcome;
import org.parley.core.sip.SipDialog;
import org.parley.core.sip.SipHeader;
import org.parley.core.sip.SipUserAgent;

/**
 * A SIP user agent that sends nothing: tests of the core's requests (presence, message-summary)
 * read what it was asked to send and answer it themselves.
 */
public final class ScriptedSip implements SipUserAgent {

  /** A request the presence sent, and how to answer it. */
  public record Sent(OutgoingRequest request, Consumer<RequestOutcome> done) {
    /** The first value of a header of the request, or null. */
    public String header(String name) {
      return request.headers().stream()
          .filter(header -> header.name().equalsIgnoreCase(name))
          .map(SipHeader::value)
          .findFirst()
          .orElse(null);
    }
  }

  public final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();

  @Override
  public void send(
      RegisterSession session, OutgoingRequest request, Consumer<RequestOutcome> done) {
    sent.add(new Sent(request, done));
  }

  @Override
  public void register(RegisterSession session, int expires, Consumer<RegisterResult> done) {}

  @Override
  public void sendKeepAlive(RegisterSession session, Runnable flowFailed) {}

  @Override
  public void expectTlsServer(AccountConfig account) {}

  @Override
  public SipDialog invite(
      RegisterSession session, String target, Optional<String> offer, DialogListener l) {
    throw new UnsupportedOperationException("these tests place no calls");
  }

  @Override
  public void onIncomingInvite(Consumer<IncomingInvite> handler) {}

  @Override
  public void close() {}
}
