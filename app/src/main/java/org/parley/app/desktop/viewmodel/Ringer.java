package org.parley.app.desktop.viewmodel;

/** Plays the ring tone on the ringer device while an incoming call waits for an answer. */
public interface Ringer {

  /** Starts ringing; does nothing while it already rings. */
  void start();

  /** Stops ringing; does nothing while it is silent. */
  void stop();

  /** A ringer that stays silent, for tests and profiles without sound. */
  static Ringer silent() {
    return new Ringer() {
      @Override
      public void start() {}

      @Override
      public void stop() {}
    };
  }
}
