package org.parley.media.codec;

/**
 * A codec could not be opened, or rejected a payload or frame; the message says which and why.
 *
 * <p>Thrown by codec adapters in place of their library's own error codes, so that a receive loop
 * can drop the packet and carry on.
 */
public class CodecException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CodecException(String message) {
    super(message);
  }

  public CodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
