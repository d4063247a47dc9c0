package org.parley.server.sip.jainsip;

import java.util.concurrent.Future;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/** Where the proxy sends INVITEs that their callee did not take: the callee's mailbox. */
interface Diversion {

  /**
   * Runs {@code task} once the no-answer time has passed, unless the returned future is cancelled.
   */
  Future<?> afterNoAnswer(Runnable task);

  /** Answers {@code invite}, still unanswered on {@code server}, for {@code mailbox}. */
  void divert(ServerTransaction server, Request invite, String mailbox);
}
