package org.parley.media.sdp;

/**
 * Thrown when a body is not a session description Parley accepts. The message names the line and
 * the problem; it quotes at most short fields such as a port, never an attribute value, so it may
 * be logged without leaking keys.
 */
public final class SdpParseException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int lineNumber;

  /**
   * Creates the exception.
   *
   * @param lineNumber the 1-based line the problem is on, or 0 when it concerns the whole body
   * @param problem what is wrong, without the line number
   */
  public SdpParseException(int lineNumber, String problem) {
    super(lineNumber > 0 ? "line " + lineNumber + ": " + problem : problem);
    this.lineNumber = lineNumber;
  }

  /** The 1-based line the problem is on, or 0 when it concerns the whole body. */
  public int lineNumber() {
    return lineNumber;
  }
}
