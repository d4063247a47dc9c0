package org.parley.media.opus;

import com.sun.jna.Native;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's libopus (Debian's {@code libopus0}) bound through JNA, or the reason it
 * could not be; the source of {@link LibopusDecoder}s, which can decode in-band FEC.
 *
 * <p>{@link #system()} loads the library once, on first use, and logs the outcome once. Where it is
 * missing (Windows and macOS installers ship none today) callers fall back to FFmpeg's decoder,
 * which conceals losses but cannot decode FEC (ADR 0032).
 */
public final class Libopus {

  private static final Logger LOG = LoggerFactory.getLogger(Libopus.class);

  /**
   * Names tried in turn: the link name (libopus.so, opus.dll, libopus.dylib), then the runtime
   * soname that Debian's libopus0 installs without the development symlink.
   */
  public static final List<String> SYSTEM_NAMES = List.of("opus", "libopus.so.0");

  private final LibopusApi api;
  private final String description;

  private Libopus(LibopusApi api, String description) {
    this.api = api;
    this.description = description;
  }

  /** The system library, loaded on the first call; later calls return the same outcome. */
  public static Libopus system() {
    return SystemLibrary.INSTANCE;
  }

  /**
   * Tries to load libopus under each of {@code libraryNames} in turn; the first that loads and
   * answers {@code opus_get_version_string} wins. Does not log: {@link #system()} does.
   */
  public static Libopus load(List<String> libraryNames) {
    List<String> failures = new ArrayList<>();
    for (String name : libraryNames) {
      try {
        LibopusApi api = Native.load(name, LibopusApi.class);
        return new Libopus(api, api.opus_get_version_string());
      } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
        // JNA's message lists every path it tried; the first line says enough.
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        failures.add(name + ": " + message);
      }
    }
    return new Libopus(null, "not loaded (" + String.join("; ", failures) + ")");
  }

  /** Whether the library loaded, so {@link #newDecoder} works and FEC can be decoded. */
  public boolean isAvailable() {
    return api != null;
  }

  /** The library's version string ("libopus 1.3.1"), or why it could not be loaded. */
  public String description() {
    return description;
  }

  /**
   * A decoder giving 48 kHz PCM with {@code channels} channels (interleaved when 2).
   *
   * @throws IllegalStateException if the library is not available
   * @throws org.parley.media.codec.CodecException if libopus cannot create the decoder
   */
  public LibopusDecoder newDecoder(int channels) {
    if (api == null) {
      throw new IllegalStateException("libopus is " + description);
    }
    return new LibopusDecoder(api, channels);
  }

  @Override
  public String toString() {
    return description;
  }

  /** Holder idiom: the JVM runs this class's initialiser once, on first use, thread-safely. */
  private static final class SystemLibrary {
    static final Libopus INSTANCE = loadAndReport();

    private static Libopus loadAndReport() {
      Libopus libopus = load(SYSTEM_NAMES);
      if (libopus.isAvailable()) {
        LOG.info("Opus decoding with in-band FEC through the system {}", libopus.description);
      } else {
        LOG.warn(
            "System libopus {}: Opus losses are concealed only and we offer useinbandfec=0"
                + " (on Debian/Ubuntu install libopus0)",
            libopus.description);
      }
      return libopus;
    }
  }
}
