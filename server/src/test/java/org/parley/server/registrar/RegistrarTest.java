package org.parley.server.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.parley.server.store.Binding;
import org.parley.server.testing.MemoryLocationStore;
import org.parley.server.testing.MutableClock;

class RegistrarTest {

  private static final String AOR = "sip:alice@office.example";
  private static final String DESK = "sip:alice@192.0.2.10:5060";
  private static final String LAPTOP = "sip:alice@192.0.2.20:5062;transport=tcp";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private final MemoryLocationStore store = new MemoryLocationStore();
  private final LocationService locations = new LocationService(store, clock);
  private final Registrar registrar =
      new Registrar(new RegistrarPolicy(60, 3600, 1800, 3), locations, clock);

  private static RegisterRequest request(
      String callId, long cseq, Integer expiresHeader, ContactRequest... contacts) {
    return new RegisterRequest(
        AOR,
        false,
        List.of(contacts),
        expiresHeader,
        callId,
        cseq,
        List.of(),
        "UDP",
        "192.0.2.10",
        5060,
        "test");
  }

  private static ContactRequest contact(String uri, Integer expires) {
    return new ContactRequest(uri, "", expires, -1);
  }

  private static List<Binding> accepted(RegisterOutcome outcome) {
    assertThat(outcome).isInstanceOf(RegisterOutcome.Accepted.class);
    RegisterOutcome.Accepted accepted = (RegisterOutcome.Accepted) outcome;
    accepted.persisted().toCompletableFuture().join();
    return accepted.bindings();
  }

  @Test
  void contactWithoutExpiryGetsTheDefault() {
    List<Binding> bindings =
        accepted(registrar.register(request("c1", 1, null, contact(DESK, null))));

    assertThat(bindings)
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.contactUri()).isEqualTo(DESK);
              assertThat(b.expiresAt()).isEqualTo(clock.instant().plusSeconds(1800));
              assertThat(b.receivedHost()).isEqualTo("192.0.2.10");
            });
    assertThat(store.rows.get(AOR)).isEqualTo(bindings);
  }

  @Test
  void contactParameterBeatsTheExpiresHeaderAndTheMaximumCaps() {
    List<Binding> first = accepted(registrar.register(request("c1", 1, 120, contact(DESK, 300))));
    List<Binding> capped =
        accepted(registrar.register(request("c2", 1, 99999, contact(LAPTOP, null))));

    assertThat(first.get(0).expiresAt()).isEqualTo(clock.instant().plusSeconds(300));
    assertThat(capped)
        .filteredOn(b -> b.contactUri().equals(LAPTOP))
        .singleElement()
        .satisfies(b -> assertThat(b.expiresAt()).isEqualTo(clock.instant().plusSeconds(3600)));
  }

  @Test
  void deskAndLaptopAreBothRegistered() {
    accepted(registrar.register(request("desk-call", 1, 600, contact(DESK, null))));
    List<Binding> bindings =
        accepted(registrar.register(request("laptop-call", 1, 600, contact(LAPTOP, null))));

    assertThat(bindings).extracting(Binding::contactUri).containsExactlyInAnyOrder(DESK, LAPTOP);
    assertThat(locations.lookup(AOR)).hasSize(2);
  }

  @Test
  void refreshReplacesTheBindingInsteadOfAddingOne() {
    accepted(registrar.register(request("c1", 1, 600, contact(DESK, null))));
    clock.advance(Duration.ofSeconds(300));
    List<Binding> refreshed =
        accepted(
            registrar.register(request("c1", 2, 600, contact("SIP:alice@192.0.2.10:5060", null))));

    assertThat(refreshed)
        .singleElement()
        .satisfies(b -> assertThat(b.expiresAt()).isEqualTo(clock.instant().plusSeconds(600)));
  }

  @Test
  void outOfOrderRequestFromTheSameCallIdIsRefusedAndChangesNothing() {
    accepted(registrar.register(request("c1", 5, 600, contact(DESK, null))));
    int writes = store.writes;

    RegisterOutcome outcome = registrar.register(request("c1", 5, 0, contact(DESK, null)));

    assertThat(outcome).isInstanceOf(RegisterOutcome.Rejected.class);
    assertThat(((RegisterOutcome.Rejected) outcome).statusCode()).isEqualTo(500);
    assertThat(locations.lookup(AOR)).hasSize(1);
    assertThat(store.writes).isEqualTo(writes);
  }

  @Test
  void expiresZeroRemovesOnlyThatContact() {
    accepted(registrar.register(request("c1", 1, 600, contact(DESK, null))));
    accepted(registrar.register(request("c2", 1, 600, contact(LAPTOP, null))));

    List<Binding> bindings = accepted(registrar.register(request("c1", 2, null, contact(DESK, 0))));

    assertThat(bindings).extracting(Binding::contactUri).containsExactly(LAPTOP);
  }

  @Test
  void wildcardWithExpiresZeroRemovesEverything() {
    accepted(registrar.register(request("c1", 1, 600, contact(DESK, null))));
    accepted(registrar.register(request("c2", 1, 600, contact(LAPTOP, null))));
    RegisterRequest wildcard =
        new RegisterRequest(
            AOR, true, List.of(), 0, "c3", 1, List.of(), "UDP", "192.0.2.10", 5060, null);

    assertThat(accepted(registrar.register(wildcard))).isEmpty();
    assertThat(locations.lookup(AOR)).isEmpty();
    assertThat(store.rows).doesNotContainKey(AOR);
  }

  @Test
  void wildcardWithoutExpiresZeroIsABadRequest() {
    RegisterRequest wildcard =
        new RegisterRequest(
            AOR, true, List.of(), 60, "c3", 1, List.of(), "UDP", "192.0.2.10", 5060, null);

    assertThat(registrar.register(wildcard))
        .isEqualTo(
            new RegisterOutcome.Rejected(400, "Contact: * needs Expires: 0 and no other Contact"));
  }

  @Test
  void intervalBelowTheMinimumIsTooBrief() {
    assertThat(registrar.register(request("c1", 1, 30, contact(DESK, null))))
        .isEqualTo(new RegisterOutcome.IntervalTooBrief(60));
    assertThat(locations.lookup(AOR)).isEmpty();
  }

  @Test
  void requestWithoutContactsListsTheBindingsWithoutWriting() {
    accepted(registrar.register(request("c1", 1, 600, contact(DESK, null))));
    int writes = store.writes;

    assertThat(accepted(registrar.register(request("c9", 1, null)))).hasSize(1);
    assertThat(store.writes).isEqualTo(writes);
  }

  @Test
  void tooManyContactsAreRefused() {
    for (int i = 0; i < 3; i++) {
      accepted(
          registrar.register(request("c" + i, 1, 600, contact("sip:alice@192.0.2." + i, null))));
    }

    RegisterOutcome outcome =
        registrar.register(request("c9", 1, 600, contact("sip:alice@192.0.2.9", null)));

    assertThat(outcome).isInstanceOf(RegisterOutcome.Rejected.class);
    assertThat(((RegisterOutcome.Rejected) outcome).statusCode()).isEqualTo(403);
  }

  @Test
  void sameInstanceBehindANewAddressReplacesItsBinding() {
    String instance = ";+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\";reg-id=1";
    accepted(
        registrar.register(request("c1", 1, 600, new ContactRequest(DESK, instance, null, -1))));

    List<Binding> bindings =
        accepted(
            registrar.register(
                request(
                    "c2",
                    1,
                    600,
                    new ContactRequest("sip:alice@198.51.100.7:40000", instance, null, -1))));

    assertThat(bindings)
        .extracting(Binding::contactUri)
        .containsExactly("sip:alice@198.51.100.7:40000");
  }

  @Test
  void expiredBindingsAreNotReturned() {
    accepted(registrar.register(request("c1", 1, 60, contact(DESK, null))));
    clock.advance(Duration.ofSeconds(61));

    assertThat(locations.lookup(AOR)).isEmpty();
  }

  @Test
  void bindingsAreRestoredFromTheStore() throws Exception {
    accepted(registrar.register(request("c1", 1, 600, contact(DESK, null))));

    LocationService restarted = new LocationService(store, clock);
    restarted.restore();

    assertThat(restarted.lookup(AOR)).extracting(Binding::contactUri).containsExactly(DESK);
  }

  @Test
  void storeFailureSurfacesThroughThePersistedStage() {
    store.failWrites = true;

    RegisterOutcome outcome = registrar.register(request("c1", 1, 600, contact(DESK, null)));

    assertThat(outcome).isInstanceOf(RegisterOutcome.Accepted.class);
    Assertions.assertThatThrownBy(
            () -> ((RegisterOutcome.Accepted) outcome).persisted().toCompletableFuture().join())
        .isInstanceOf(CompletionException.class)
        .hasMessageContaining("disk full");
  }

  @Test
  void higherQValueComesFirst() {
    accepted(registrar.register(request("c1", 1, 600, new ContactRequest(DESK, "", null, 300))));
    accepted(registrar.register(request("c2", 1, 600, new ContactRequest(LAPTOP, "", null, 900))));

    assertThat(locations.lookup(AOR)).extracting(Binding::contactUri).containsExactly(LAPTOP, DESK);
  }
}
