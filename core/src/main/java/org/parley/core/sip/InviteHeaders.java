package org.parley.core.sip;

import java.util.Optional;

/**
 * Headers an INVITE placed for a transfer carries besides the usual ones.
 *
 * @param replaces the dialog the INVITE replaces (RFC 3891), for an attended transfer
 * @param referredBy who referred us (RFC 3892), copied from the REFER
 */
public record InviteHeaders(Optional<Replaces> replaces, Optional<String> referredBy) {

  public static final InviteHeaders NONE = new InviteHeaders(Optional.empty(), Optional.empty());

  public boolean isEmpty() {
    return replaces.isEmpty() && referredBy.isEmpty();
  }
}
