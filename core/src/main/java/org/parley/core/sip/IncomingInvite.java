package org.parley.core.sip;

import java.util.Optional;

/**
 * A new INVITE from a peer, before anyone answered it.
 *
 * @param localUser the user part of the Request-URI (which of our accounts is called)
 * @param peerUri the caller's URI from the From header
 * @param peerDisplayName the caller's display name, empty when none was given
 * @param sdpOffer the offer, empty for a late-offer INVITE
 * @param dialog where to answer it
 * @param replacing our dialog this INVITE replaces (RFC 3891), already checked to match one
 */
public record IncomingInvite(
    String localUser,
    String peerUri,
    String peerDisplayName,
    Optional<String> sdpOffer,
    SipDialog dialog,
    Optional<SipDialog> replacing) {

  public IncomingInvite(
      String localUser,
      String peerUri,
      String peerDisplayName,
      Optional<String> sdpOffer,
      SipDialog dialog) {
    this(localUser, peerUri, peerDisplayName, sdpOffer, dialog, Optional.empty());
  }
}
