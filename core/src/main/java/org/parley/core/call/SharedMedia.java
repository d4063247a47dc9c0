package org.parley.core.call;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.parley.media.audio.AudioSink;
import org.parley.media.audio.AudioSource;

/**
 * One source and sink (a microphone and speaker, say) lent to a call and then to the call that
 * takes its place in a transfer or a Replaces: only the current holder reads and plays, the other
 * sends silence and drops what it hears, and the real source and sink close once every lease is
 * closed. Leases are read on media threads; holder changes come from the core's loop.
 */
final class SharedMedia {

  private final CallMedia real;
  private final Set<Lease> open = new HashSet<>();
  private volatile Lease holder;

  SharedMedia(CallMedia real) {
    this.real = real;
  }

  /** A new lease; the first one holds the media, later ones wait for {@link #handTo}. */
  synchronized Lease lease() {
    Lease lease = new Lease();
    open.add(lease);
    if (holder == null) {
      holder = lease;
    }
    return lease;
  }

  /** Gives the media to {@code lease}: it reads and plays from now on, the others go quiet. */
  void handTo(Lease lease) {
    holder = lease;
  }

  boolean heldBy(Lease lease) {
    return holder == lease;
  }

  private synchronized void closed(Lease lease) {
    if (open.remove(lease) && open.isEmpty()) {
      real.source().close();
      real.sink().close();
    }
  }

  /** One call's view of the shared media, as the {@link CallMedia} its stream runs on. */
  final class Lease {

    private final CallMedia media;
    private boolean sourceClosed;
    private boolean sinkClosed;

    private Lease() {
      media = new CallMedia(new LeasedSource(), new LeasedSink(), real.codecs(), real.lateOffer());
    }

    CallMedia media() {
      return media;
    }

    SharedMedia shared() {
      return SharedMedia.this;
    }

    private synchronized void close(boolean source) {
      if (source) {
        sourceClosed = true;
      } else {
        sinkClosed = true;
      }
      if (sourceClosed && sinkClosed) {
        closed(this);
      }
    }

    private final class LeasedSource implements AudioSource {
      @Override
      public int sampleRateHz() {
        return real.source().sampleRateHz();
      }

      @Override
      public int channels() {
        return real.source().channels();
      }

      @Override
      public int read(short[] frame) {
        if (holder == Lease.this) {
          return real.source().read(frame);
        }
        Arrays.fill(frame, (short) 0);
        return frame.length;
      }

      @Override
      public long droppedSamples() {
        return real.source().droppedSamples();
      }

      @Override
      public void close() {
        Lease.this.close(true);
      }
    }

    private final class LeasedSink implements AudioSink {
      @Override
      public int sampleRateHz() {
        return real.sink().sampleRateHz();
      }

      @Override
      public int channels() {
        return real.sink().channels();
      }

      @Override
      public void write(short[] frame, int sampleCount) {
        if (holder == Lease.this) {
          real.sink().write(frame, sampleCount);
        }
      }

      @Override
      public void close() {
        Lease.this.close(false);
      }
    }
  }
}
