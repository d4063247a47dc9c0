package org.parley.server.echo;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.parley.media.sdp.SessionDescription;

/**
 * An answered call to the echo service: the SDP answer and one {@link EchoMediaSession} per
 * accepted stream. The SIP side sends {@link #answer()} in its 200 OK, or 488 when {@link #accept}
 * is empty, and closes the call on BYE.
 *
 * <p>Only the first accepted stream (the primary, usually audio) watches idle time and maximum
 * duration. A caller may accept video but never send any, and that must not end a call whose audio
 * is flowing. The end callback is called at most once per call: for the primary's IDLE or
 * MAX_DURATION, or when any stream FAILED.
 */
public final class EchoCall implements AutoCloseable {

  private final SessionDescription answer;
  private final List<EchoMediaSession> sessions;

  private EchoCall(SessionDescription answer, List<EchoMediaSession> sessions) {
    this.answer = answer;
    this.sessions = List.copyOf(sessions);
  }

  /**
   * Answers an offer, binding a media session for each accepted stream.
   *
   * @param offer the caller's offer
   * @param localAddress the address to bind and to name in the answer; not a wildcard
   * @param limits the limits of the primary stream; others use only its re-latch silence
   * @param onEnded called at most once, on a media thread, when the call should be ended
   * @return the call, or empty when no stream is acceptable (nothing is bound then)
   * @throws IOException if ports cannot be bound; nothing stays bound then
   */
  public static Optional<EchoCall> accept(
      SessionDescription offer,
      InetAddress localAddress,
      EchoLimits limits,
      Consumer<EchoMediaSession.EndReason> onEnded)
      throws IOException {
    AtomicBoolean ended = new AtomicBoolean();
    Consumer<EchoMediaSession.EndReason> once =
        reason -> {
          if (!ended.getAndSet(true)) {
            onEnded.accept(reason);
          }
        };
    Consumer<EchoMediaSession.EndReason> onlyFailures =
        reason -> {
          if (reason == EchoMediaSession.EndReason.FAILED) {
            once.accept(reason);
          }
        };
    List<EchoMediaSession> sessions = new ArrayList<>();
    boolean done = false;
    try {
      Optional<SessionDescription> answer =
          EchoAnswer.answer(
              offer,
              localAddress,
              (offered, rtcpMux) -> {
                EchoMediaSession session =
                    EchoMediaSession.open(
                        localAddress, rtcpMux, limits, sessions.isEmpty() ? once : onlyFailures);
                sessions.add(session);
                return new EchoAnswer.StreamPorts(session.rtpPort(), session.rtcpPort());
              });
      done = true;
      return answer.map(a -> new EchoCall(a, sessions));
    } finally {
      if (!done) {
        sessions.forEach(EchoMediaSession::close);
      }
    }
  }

  /** The SDP answer to send. */
  public SessionDescription answer() {
    return answer;
  }

  /** The media sessions, one per accepted stream, in offer order. */
  public List<EchoMediaSession> sessions() {
    return sessions;
  }

  /** Closes every media session and frees their ports; calling it again does nothing. */
  @Override
  public void close() {
    sessions.forEach(EchoMediaSession::close);
  }
}
