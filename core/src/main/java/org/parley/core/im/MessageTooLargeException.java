package org.parley.core.im;

/** A message's text is longer than a MESSAGE may carry; the message says by how much. */
public final class MessageTooLargeException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public MessageTooLargeException(int bytes, int maxBytes) {
    super(
        "The message is "
            + bytes
            + " bytes in UTF-8; at most "
            + maxBytes
            + " fit in one message: shorten it or send it in parts");
  }
}
