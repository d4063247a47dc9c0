package org.parley.resources;

/** Thrown when code asks for a bundled resource that the build did not ship. */
public final class MissingBundledResourceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MissingBundledResourceException(String path) {
    super("Parley's bundled resource '" + path + "' is missing; the installation is incomplete");
  }
}
