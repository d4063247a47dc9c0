package org.parley.app.desktop.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.parley.core.call.CallMedia;
import org.parley.media.codec.AudioCodec;
import org.parley.media.device.AudioDeviceChoice;
import org.parley.media.device.AudioDeviceListener;
import org.parley.media.device.AudioDevices;
import org.parley.media.device.DeviceCapture;
import org.parley.media.device.DevicePlayback;
import org.parley.media.ffmpeg.FfmpegCodecs;

/**
 * Calls use the chosen microphone and speaker (silence while none works) and the codecs in the
 * user's order; both are read at each call, so a settings change applies to the next call.
 */
public final class DeviceAudioProvider implements CallAudioProvider {

  private static final int DEVICE_RATE_HZ = 48_000;

  private final AudioDevices devices;
  private final Supplier<AudioDeviceChoice> choice;
  private final Supplier<List<String>> codecOrder;

  public DeviceAudioProvider(
      AudioDevices devices, Supplier<AudioDeviceChoice> choice, Supplier<List<String>> codecOrder) {
    this.devices = devices;
    this.choice = choice;
    this.codecOrder = codecOrder;
  }

  @Override
  public PreparedAudio prepare() {
    AudioDeviceChoice chosen = choice.get();
    DeviceCapture microphone =
        devices.openCapture(chosen, DEVICE_RATE_HZ, AudioDeviceListener.none());
    DevicePlayback speaker =
        devices.openCallPlayback(chosen, DEVICE_RATE_HZ, AudioDeviceListener.none());
    MuteSwitch mute = new MuteSwitch(microphone);
    CallMedia media =
        CallMedia.of(mute, speaker)
            .withCodecs(ordered(FfmpegCodecs.defaultRegistry().all(), codecOrder.get()));
    return new PreparedAudio(media, mute);
  }

  /** The chosen microphone keeping every sample, however late the recorder reads it. */
  @Override
  public DeviceCapture recordingMicrophone() {
    return devices.openRecordingCapture(choice.get(), DEVICE_RATE_HZ, AudioDeviceListener.none());
  }

  /**
   * The codecs in the user's order (by SDP encoding name); codecs the order does not name follow in
   * their default order, so a new codec is never silently dropped.
   */
  public static List<AudioCodec> ordered(List<AudioCodec> available, List<String> order) {
    List<AudioCodec> result = new ArrayList<>();
    for (String name : order) {
      available.stream()
          .filter(codec -> codec.encodingName().equalsIgnoreCase(name))
          .filter(codec -> !result.contains(codec))
          .forEach(result::add);
    }
    available.stream().filter(codec -> !result.contains(codec)).forEach(result::add);
    return result;
  }
}
