package org.parley.media.srtp;

import java.util.Arrays;
import org.jitsi.utils.ByteArrayBuffer;

/** A growable copy of one packet, in the form jitsi-srtp transforms in place. */
final class PacketBuffer implements ByteArrayBuffer {

  private byte[] buffer;
  private int offset;
  private int length;

  /** Copies {@code length} bytes, leaving {@code spareBytes} free at the end for a tag. */
  PacketBuffer(byte[] packet, int packetOffset, int packetLength, int spareBytes) {
    buffer = new byte[packetLength + spareBytes];
    System.arraycopy(packet, packetOffset, buffer, 0, packetLength);
    length = packetLength;
  }

  @Override
  public byte[] getBuffer() {
    return buffer;
  }

  @Override
  public int getOffset() {
    return offset;
  }

  @Override
  public int getLength() {
    return length;
  }

  @Override
  public void setLength(int newLength) {
    length = newLength;
  }

  @Override
  public void setOffset(int newOffset) {
    offset = newOffset;
  }

  @Override
  public boolean isInvalid() {
    return offset < 0 || length < 0 || offset + length > buffer.length;
  }

  @Override
  public void readRegionToBuff(int regionOffset, int regionLength, byte[] out) {
    System.arraycopy(buffer, offset + regionOffset, out, 0, regionLength);
  }

  @Override
  public void grow(int howMuch) {
    if (howMuch < 0) {
      throw new IllegalArgumentException("cannot grow by " + howMuch);
    }
    int needed = offset + length + howMuch;
    if (needed > buffer.length) {
      buffer = Arrays.copyOf(buffer, needed);
    }
  }

  @Override
  public void append(byte[] data, int dataLength) {
    grow(dataLength);
    System.arraycopy(data, 0, buffer, offset + length, dataLength);
    length += dataLength;
  }

  @Override
  public void shrink(int howMuch) {
    if (howMuch > 0) {
      length = Math.max(0, length - howMuch);
    }
  }

  byte[] toByteArray() {
    return Arrays.copyOfRange(buffer, offset, offset + length);
  }
}
