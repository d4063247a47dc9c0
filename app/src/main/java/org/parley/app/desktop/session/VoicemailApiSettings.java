package org.parley.app.desktop.session;

import java.net.URI;
import java.util.Optional;
import org.parley.core.settings.SettingsStore;
import org.parley.core.voicemail.ApiAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Each account's visual-voicemail API address as the user set it, in the profile's settings. */
public final class VoicemailApiSettings {

  static final String PREFIX = "voicemail.api.";

  private static final Logger LOG = LoggerFactory.getLogger(VoicemailApiSettings.class);

  private final SettingsStore store;

  public VoicemailApiSettings(SettingsStore store) {
    this.store = store;
  }

  /** The address set for the account, if one was; empty means derived from the account. */
  public Optional<URI> address(String addressOfRecord) {
    Optional<String> stored = store.get(PREFIX + addressOfRecord);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ApiAddress.parse(stored.get()));
    } catch (IllegalArgumentException e) {
      // Edited by hand, or stored by a version with other rules: fall back to the derived one.
      LOG.warn("Ignoring the voicemail API address of {}: {}", addressOfRecord, e.getMessage());
      return Optional.empty();
    }
  }

  /** Keeps {@code address} for the account, or forgets it when empty. */
  public void setAddress(String addressOfRecord, Optional<URI> address) {
    if (address.isPresent()) {
      store.put(PREFIX + addressOfRecord, ApiAddress.parse(address.get().toString()).toString());
    } else {
      store.remove(PREFIX + addressOfRecord);
    }
  }
}
