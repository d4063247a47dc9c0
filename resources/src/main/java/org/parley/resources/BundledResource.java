package org.parley.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A file shipped inside the resources module, addressed by its path below {@code
 * org/parley/resources}.
 */
public final class BundledResource {

  private static final String ROOT = "/org/parley/resources/";

  private final String path;
  private final URL url;

  private BundledResource(String path, URL url) {
    this.path = path;
    this.url = url;
  }

  /**
   * Finds a bundled resource.
   *
   * @param path relative path such as {@code css/parley.css}
   * @throws MissingBundledResourceException when nothing is shipped under that path
   */
  public static BundledResource named(String path) {
    Objects.requireNonNull(path, "path");
    if (path.isBlank() || path.startsWith("/") || path.contains("..")) {
      throw new IllegalArgumentException(
          "Resource path must be relative and inside the bundle: " + path);
    }
    URL url = BundledResource.class.getResource(ROOT + path);
    if (url == null) {
      throw new MissingBundledResourceException(path);
    }
    return new BundledResource(path, url);
  }

  public String path() {
    return path;
  }

  /** The resource's URL, for APIs such as JavaFX stylesheets that take one. */
  public URL url() {
    return url;
  }

  public InputStream open() throws IOException {
    return url.openStream();
  }

  public String readText() {
    try (InputStream in = open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read bundled resource " + path, e);
    }
  }
}
