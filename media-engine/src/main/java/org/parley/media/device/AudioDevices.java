package org.parley.media.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the devices to choose from and opens the chosen ones, falling back to the system default
 * when a saved choice is no longer plugged in.
 */
public final class AudioDevices {

  private static final Logger LOG = LoggerFactory.getLogger(AudioDevices.class);

  private final AudioSystemGateway gateway;
  private final CallDeviceBuffers callBuffers;

  /** Opens calls' devices with {@link CallDeviceBuffers#configured()}. */
  public AudioDevices(AudioSystemGateway gateway) {
    this(gateway, CallDeviceBuffers.configured());
  }

  /** Opens calls' microphones and speakers with {@code callBuffers}. */
  public AudioDevices(AudioSystemGateway gateway, CallDeviceBuffers callBuffers) {
    this.gateway = gateway;
    this.callBuffers = callBuffers;
  }

  /** The system default first, then the devices present now. */
  public List<AudioDevice> list(AudioDevice.Kind kind) {
    List<AudioDevice> devices = new ArrayList<>();
    devices.add(AudioDevice.systemDefault(kind));
    devices.addAll(gateway.devices(kind));
    return List.copyOf(devices);
  }

  /** The device present now with that name. */
  public Optional<AudioDevice> find(AudioDevice.Kind kind, String name) {
    return list(kind).stream().filter(device -> device.name().equals(name)).findFirst();
  }

  /** The device with that name, or the system default if it is not present. */
  public AudioDevice choose(AudioDevice.Kind kind, String name) {
    return find(kind, name)
        .orElseGet(
            () -> {
              LOG.info("Audio device '{}' is not present; using the system default", name);
              return AudioDevice.systemDefault(kind);
            });
  }

  /** The chosen microphone, capturing at the call's rate. */
  public DeviceCapture openCapture(
      AudioDeviceChoice choice, int sampleRateHz, AudioDeviceListener listener) {
    AudioDevice device = choose(AudioDevice.Kind.CAPTURE, choice.captureName());
    return new DeviceCapture(gateway, device, sampleRateHz, listener, callBuffers);
  }

  /**
   * The chosen microphone for a recording rather than a call: nothing captured is dropped, however
   * late it is read.
   */
  public DeviceCapture openRecordingCapture(
      AudioDeviceChoice choice, int sampleRateHz, AudioDeviceListener listener) {
    AudioDevice device = choose(AudioDevice.Kind.CAPTURE, choice.captureName());
    return DeviceCapture.keepingEverything(gateway, device, sampleRateHz, listener, callBuffers);
  }

  /** The chosen speaker, playing at the call's rate. */
  public DevicePlayback openPlayback(
      AudioDeviceChoice choice, int sampleRateHz, AudioDeviceListener listener) {
    AudioDevice device = choose(AudioDevice.Kind.PLAYBACK, choice.playbackName());
    return new DevicePlayback(gateway, device, sampleRateHz, listener);
  }

  /**
   * The chosen speaker for a call, whose media clock paces the writes: a frame that finds the line
   * too full is dropped rather than waited for, so a stall does not add to the call's delay.
   */
  public DevicePlayback openCallPlayback(
      AudioDeviceChoice choice, int sampleRateHz, AudioDeviceListener listener) {
    AudioDevice device = choose(AudioDevice.Kind.PLAYBACK, choice.playbackName());
    return DevicePlayback.forCall(gateway, device, sampleRateHz, listener, callBuffers);
  }

  /** The chosen ringer, a playback device chosen on its own. */
  public DevicePlayback openRinger(
      AudioDeviceChoice choice, int sampleRateHz, AudioDeviceListener listener) {
    AudioDevice device = choose(AudioDevice.Kind.PLAYBACK, choice.ringerName());
    return new DevicePlayback(gateway, device, sampleRateHz, listener);
  }
}
