package org.parley.core.sip;

/**
 * A dialog's identity (RFC 3261 §12): its Call-ID and the two tags, seen from our side.
 *
 * @param localTag our tag (From tag of our requests)
 * @param remoteTag the peer's tag
 */
public record DialogId(String callId, String localTag, String remoteTag) {

  /**
   * The Replaces value that names this dialog to the peer we transfer (RFC 3891 §3: the receiving
   * UA compares to-tag with its local tag, which is our remote tag).
   */
  public Replaces replaces() {
    return new Replaces(callId, remoteTag, localTag, false);
  }

  /** Whether {@code replaces}, received by us, names this dialog. */
  public boolean matches(Replaces replaces) {
    return callId.equals(replaces.callId())
        && localTag.equals(replaces.toTag())
        && remoteTag.equals(replaces.fromTag());
  }
}
