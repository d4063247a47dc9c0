package org.parley.core.sip;

import java.util.Optional;

/**
 * A peer's REFER in one of our dialogs, already checked to carry one usable Refer-To.
 *
 * @param referTo where the peer wants us to call
 * @param referredBy the Referred-By value (RFC 3892), to copy into our INVITE
 */
public record Refer(ReferTo referTo, Optional<String> referredBy) {}
