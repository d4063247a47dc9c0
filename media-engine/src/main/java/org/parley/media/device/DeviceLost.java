package org.parley.media.device;

/**
 * A device failed mid-stream or could not be opened, and audio moved to another device.
 *
 * @param lost the device that failed
 * @param fallback the device now in use (the system default), or the same one while retrying
 * @param reason what failed, for the log and the user; never a stack trace
 */
public record DeviceLost(AudioDevice lost, AudioDevice fallback, String reason) {}
