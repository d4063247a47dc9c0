package org.parley.core.account;

/** Receives registration events on the core's loop; it must not block. */
@FunctionalInterface
public interface RegistrationListener {
  void onRegistrationEvent(RegistrationEvent event);
}
