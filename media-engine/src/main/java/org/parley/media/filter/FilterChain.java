package org.parley.media.filter;

import java.util.List;

/** Filters applied one after the other, in list order, to each frame. */
public final class FilterChain implements AudioFilter {

  private final List<AudioFilter> filters;

  public FilterChain(List<AudioFilter> filters) {
    this.filters = List.copyOf(filters);
  }

  public static FilterChain of(AudioFilter... filters) {
    return new FilterChain(List.of(filters));
  }

  public List<AudioFilter> filters() {
    return filters;
  }

  @Override
  public void process(short[] frame, int sampleCount) {
    for (AudioFilter filter : filters) {
      filter.process(frame, sampleCount);
    }
  }

  @Override
  public void reset() {
    filters.forEach(AudioFilter::reset);
  }
}
