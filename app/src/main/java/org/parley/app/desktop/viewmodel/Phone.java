package org.parley.app.desktop.viewmodel;

/** Places calls for the view-models; implemented over the core's account. */
@FunctionalInterface
public interface Phone {

  /**
   * Calls {@code target} (a SIP URI, {@code user@host}, a user or a number of the account's
   * domain). May block briefly (opening audio devices), so view-models call it off the UI thread.
   *
   * @throws IllegalStateException when no account can place calls
   */
  ActiveCall dial(String target);
}
