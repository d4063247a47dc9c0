package org.parley.server.registrar;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.parley.server.store.Binding;

/**
 * Applies REGISTER requests to the location service, following RFC 3261 §10.3: expiry from the
 * contact or the Expires header, 423 below the minimum, removal by {@code expires=0} or {@code *},
 * and refusal of out-of-order requests from the same Call-ID.
 */
public final class Registrar {

  private final RegistrarPolicy policy;
  private final LocationService locations;
  private final Clock clock;

  public Registrar(RegistrarPolicy policy, LocationService locations, Clock clock) {
    this.policy = policy;
    this.locations = locations;
    this.clock = clock;
  }

  public RegistrarPolicy policy() {
    return policy;
  }

  /** Handles one REGISTER whose sender is allowed to change the AOR's bindings. */
  public RegisterOutcome register(RegisterRequest request) {
    if (request.wildcard()) {
      return unregisterAll(request);
    }
    if (request.contacts().isEmpty()) {
      return new RegisterOutcome.Accepted(
          locations.lookup(request.aor()), CompletableFuture.completedFuture(null));
    }
    List<Integer> expiries = new ArrayList<>(request.contacts().size());
    for (ContactRequest contact : request.contacts()) {
      int expires = requestedExpiry(contact, request.expiresHeaderSeconds());
      if (expires > 0 && expires < policy.minExpiresSeconds()) {
        return new RegisterOutcome.IntervalTooBrief(policy.minExpiresSeconds());
      }
      expiries.add(Math.min(expires, policy.maxExpiresSeconds()));
    }
    Instant now = clock.instant();
    try {
      LocationService.UpdateResult result =
          locations.update(request.aor(), current -> apply(request, expiries, current, now));
      return new RegisterOutcome.Accepted(result.bindings(), result.persisted());
    } catch (RegistrationConflict conflict) {
      return conflict.outcome();
    }
  }

  private List<Binding> apply(
      RegisterRequest request, List<Integer> expiries, List<Binding> current, Instant now) {
    List<Binding> updated = new ArrayList<>(current);
    for (int i = 0; i < request.contacts().size(); i++) {
      ContactRequest contact = request.contacts().get(i);
      int expires = expiries.get(i);
      Binding existing = find(updated, contact);
      if (existing != null) {
        rejectIfOutOfOrder(existing, request);
        updated.remove(existing);
      }
      if (expires > 0) {
        updated.add(newBinding(request, contact, expires, now));
      }
    }
    if (updated.size() > policy.maxBindingsPerAor()) {
      throw new RegistrationConflict(
          new RegisterOutcome.Rejected(
              403, "Too many registered contacts (at most " + policy.maxBindingsPerAor() + ")"));
    }
    updated.sort(LocationService.PREFERENCE);
    return updated;
  }

  private RegisterOutcome unregisterAll(RegisterRequest request) {
    // RFC 3261 §10.3 step 6: "*" only alone and only with Expires: 0.
    if (!request.contacts().isEmpty()
        || request.expiresHeaderSeconds() == null
        || request.expiresHeaderSeconds() != 0) {
      return new RegisterOutcome.Rejected(400, "Contact: * needs Expires: 0 and no other Contact");
    }
    try {
      LocationService.UpdateResult result =
          locations.update(
              request.aor(),
              current -> {
                current.forEach(binding -> rejectIfOutOfOrder(binding, request));
                return List.of();
              });
      return new RegisterOutcome.Accepted(result.bindings(), result.persisted());
    } catch (RegistrationConflict conflict) {
      return conflict.outcome();
    }
  }

  private int requestedExpiry(ContactRequest contact, Integer expiresHeader) {
    if (contact.expiresSeconds() != null) {
      return Math.max(0, contact.expiresSeconds());
    }
    if (expiresHeader != null) {
      return Math.max(0, expiresHeader);
    }
    return policy.defaultExpiresSeconds();
  }

  private static Binding find(List<Binding> bindings, ContactRequest contact) {
    for (Binding binding : bindings) {
      if (ContactKey.sameBinding(
          binding.contactUri(), binding.contactParams(), contact.uri(), contact.params())) {
        return binding;
      }
    }
    return null;
  }

  /** RFC 3261 §10.3 step 7: a same-Call-ID request must have a higher CSeq, else 500. */
  private static void rejectIfOutOfOrder(Binding existing, RegisterRequest request) {
    if (existing.callId().equals(request.callId()) && request.cseq() <= existing.cseq()) {
      throw new RegistrationConflict(
          new RegisterOutcome.Rejected(
              500, "Out-of-order REGISTER (CSeq not above the stored one)"));
    }
  }

  private static Binding newBinding(
      RegisterRequest request, ContactRequest contact, int expiresSeconds, Instant now) {
    return new Binding(
        request.aor(),
        contact.uri(),
        contact.params() == null ? "" : contact.params(),
        now.plusSeconds(expiresSeconds),
        request.callId(),
        request.cseq(),
        contact.qMillis(),
        List.copyOf(request.path()),
        request.receivedTransport(),
        request.receivedHost(),
        request.receivedPort(),
        request.userAgent(),
        now);
  }
}
