package org.parley.media.srtp;

/** An {@code a=crypto} attribute was malformed, or SDES negotiation found no usable one. */
public class SdesException extends Exception {

  private static final long serialVersionUID = 1L;

  public SdesException(String message) {
    super(message);
  }

  public SdesException(String message, Throwable cause) {
    super(message, cause);
  }
}
