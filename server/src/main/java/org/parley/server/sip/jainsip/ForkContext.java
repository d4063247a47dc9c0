package org.parley.server.sip.jainsip;

import java.util.ArrayList;
import java.util.List;
import javax.sip.ClientTransaction;
import javax.sip.ServerTransaction;
import javax.sip.address.Hop;
import javax.sip.message.Response;

/** One forwarded request and its branches (RFC 3261 §16.7's response context). */
final class ForkContext {

  /** One target the request was forked to. */
  record Branch(ClientTransaction transaction, Hop hop) {}

  final ServerTransaction server;
  final String incomingBranchId;
  final List<Branch> branches = new ArrayList<>();
  final List<ClientTransaction> pending = new ArrayList<>();
  Response best;
  boolean finalSent;
  // For the dialog package (BLF): set for a forked INVITE only; callerAor is null for a caller
  // from another domain.
  String callId;
  String callerAor;
  String calleeAor;
  // Voicemail: the no-answer timer of a forked INVITE, cancelled by the final response.
  java.util.concurrent.Future<?> noAnswerTimer;

  ForkContext(ServerTransaction server, String incomingBranchId) {
    this.server = server;
    this.incomingBranchId = incomingBranchId;
  }

  /**
   * RFC 3261 §16.7 step 6, simplified: a 6xx wins, else the lowest status class, else the first.
   */
  void consider(Response response) {
    int status = response.getStatusCode();
    if (best == null
        || status >= 600 && best.getStatusCode() < 600
        || best.getStatusCode() < 600 && status / 100 < best.getStatusCode() / 100) {
      best = response;
    }
  }
}
