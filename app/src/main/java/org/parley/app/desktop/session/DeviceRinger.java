package org.parley.app.desktop.session;

import java.util.function.Supplier;
import org.parley.app.desktop.viewmodel.Ringer;
import org.parley.media.audio.AudioSink;
import org.parley.media.device.AudioDeviceChoice;
import org.parley.media.device.AudioDeviceListener;
import org.parley.media.device.AudioDevices;
import org.parley.media.source.ToneSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rings on the ringer device the user chose (ITU-T E.180 style: a 400 Hz tone, one second on, three
 * off) from a thread of its own; the device is opened at each start and closed at each stop, so a
 * call's own speaker is never held by the ringer.
 */
public final class DeviceRinger implements Ringer {

  static final double TONE_HZ = 400;
  static final int RATE_HZ = 48_000;
  static final int ON_MILLIS = 1_000;
  static final int OFF_MILLIS = 3_000;
  private static final int FRAME_MILLIS = 20;
  private static final double AMPLITUDE = 0.3;
  private static final Logger LOG = LoggerFactory.getLogger(DeviceRinger.class);

  private final Supplier<AudioSink> ringerDevice;
  private Ringing running; // UI thread only

  /** Rings on the ringer named in the current settings (read at each start). */
  public DeviceRinger(AudioDevices devices, Supplier<AudioDeviceChoice> choice) {
    this(() -> devices.openRinger(choice.get(), RATE_HZ, AudioDeviceListener.none()));
  }

  DeviceRinger(Supplier<AudioSink> ringerDevice) {
    this.ringerDevice = ringerDevice;
  }

  @Override
  public void start() {
    if (running != null) {
      return;
    }
    running = new Ringing(ringerDevice);
    Thread thread = new Thread(running, "parley-ringer");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    if (running != null) {
      running.stopped = true;
      running = null;
    }
  }

  /**
   * One ringing: opens the device (on its own thread: opening a sound line can block), writes the
   * cadence until stopped, then closes the device.
   */
  private static final class Ringing implements Runnable {

    private final Supplier<AudioSink> opener;
    private volatile boolean stopped;

    Ringing(Supplier<AudioSink> opener) {
      this.opener = opener;
    }

    @Override
    public void run() {
      AudioSink device;
      try {
        device = opener.get();
      } catch (RuntimeException e) {
        LOG.warn("The ringer device did not open", e); // a thread root: the call is not affected
        return;
      }
      ToneSource tone = new ToneSource(TONE_HZ, RATE_HZ, AMPLITUDE);
      short[] frame = new short[RATE_HZ * FRAME_MILLIS / 1000];
      short[] silence = new short[frame.length];
      int cycleFrames = (ON_MILLIS + OFF_MILLIS) / FRAME_MILLIS;
      int onFrames = ON_MILLIS / FRAME_MILLIS;
      try {
        // The device's write blocks for a frame's time, so this loop runs at real-time pace.
        for (long n = 0; !stopped; n++) {
          if (n % cycleFrames < onFrames) {
            tone.read(frame);
            device.write(frame, frame.length);
          } else {
            device.write(silence, silence.length);
          }
        }
      } catch (RuntimeException e) {
        LOG.warn("The ringer stopped", e); // a thread root: the call itself is not affected
      } finally {
        device.close();
      }
    }
  }
}
