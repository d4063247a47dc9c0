package org.parley.app.desktop.viewmodel;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.core.calllog.CallDirection;
import org.parley.core.calllog.CallDisposition;
import org.parley.core.calllog.CallLog;
import org.parley.core.calllog.CallQuality;
import org.parley.core.calllog.CallRecord;
import org.parley.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call history: the newest calls first, filtered to all, missed, incoming or outgoing, each
 * with a quality badge from its mean MOS, and a call-back command. The log is read off the UI
 * thread.
 */
public final class HistoryViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(HistoryViewModel.class);
  static final int LIMIT = 200;

  /** Which calls the list shows. */
  public enum Filter {
    ALL,
    MISSED,
    INCOMING,
    OUTGOING
  }

  /**
   * One line of the history.
   *
   * @param peerUri where a call back goes
   * @param peer the name or URI shown
   * @param summary direction, outcome and time, in words
   * @param badge the quality badge, when audio flowed
   * @param badgeText the badge in words with its MOS, or empty
   * @param qualityDetails loss, jitter and the jitter buffer's delay in words (the badge's
   *     tooltip), or empty
   */
  public record Entry(
      String peerUri,
      String peer,
      String summary,
      Optional<QualityBadge> badge,
      String badgeText,
      String qualityDetails) {}

  private final CallLog log;
  private final CallsViewModel calls;
  private final Executor background;
  private final Executor ui;
  private final Texts texts;
  private final ObjectProperty<Filter> filter = new SimpleObjectProperty<>(Filter.ALL);
  private final ObservableList<Entry> entries = FXCollections.observableArrayList();
  private final DateTimeFormatter time;
  private List<CallRecord> records = List.of();

  public HistoryViewModel(
      CallLog log,
      CallsViewModel calls,
      Executor background,
      Executor ui,
      Texts texts,
      ZoneId zone) {
    this.log = log;
    this.calls = calls;
    this.background = background;
    this.ui = ui;
    this.texts = texts;
    this.time =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withLocale(texts.locale())
            .withZone(zone);
    filter.addListener((property, was, now) -> show());
  }

  /** Reads the log again (at start and after each call). */
  public void reload() {
    background.execute(
        () -> {
          try {
            List<CallRecord> recent = log.recent(LIMIT);
            ui.execute(
                () -> {
                  records = recent;
                  show();
                });
          } catch (StoreException | org.parley.core.calllog.CallLogException e) {
            LOG.warn("The call history could not be read", e);
          }
        });
  }

  /** Calls the entry's party back. */
  public void callBack(Entry entry) {
    calls.call(entry.peerUri());
  }

  private void show() {
    Filter chosen = filter.get();
    entries.setAll(records.stream().filter(r -> matches(r, chosen)).map(this::entry).toList());
  }

  static boolean matches(CallRecord record, Filter filter) {
    return switch (filter) {
      case ALL -> true;
      case MISSED -> record.disposition() == CallDisposition.MISSED;
      case INCOMING -> record.direction() == CallDirection.INCOMING;
      case OUTGOING -> record.direction() == CallDirection.OUTGOING;
    };
  }

  private Entry entry(CallRecord record) {
    String peer = record.peerDisplayName().isBlank() ? record.peerUri() : record.peerDisplayName();
    String outcome =
        texts.text(
            "history."
                + record.direction().name().toLowerCase(Locale.ROOT)
                + "."
                + record.disposition().name().toLowerCase(Locale.ROOT));
    String summary = texts.text("history.summary", outcome, time.format(record.startedAt()));
    Optional<QualityBadge> badge = record.quality().map(q -> QualityBadge.forMos(q.meanMos()));
    String badgeText =
        record
            .quality()
            .map(
                q ->
                    texts.text(
                        "quality."
                            + QualityBadge.forMos(q.meanMos()).name().toLowerCase(Locale.ROOT),
                        String.format(texts.locale(), "%.1f", q.meanMos())))
            .orElse("");
    String details = record.quality().map(this::details).orElse("");
    return new Entry(record.peerUri(), peer, summary, badge, badgeText, details);
  }

  private String details(CallQuality quality) {
    String jitterBuffer =
        Double.isNaN(quality.jitterBufferMillis())
            ? texts.text("history.quality.unknown")
            : texts.text(
                "history.quality.jitterBuffer",
                number(quality.jitterBufferMillis()),
                number(quality.worstJitterBufferMillis()));
    return texts.text(
        "history.quality",
        number(quality.lossPercent()),
        number(quality.jitterMillis()),
        jitterBuffer);
  }

  private String number(double value) {
    return String.format(texts.locale(), "%.0f", value);
  }

  public ObjectProperty<Filter> filterProperty() {
    return filter;
  }

  public ObservableList<Entry> entries() {
    return entries;
  }
}
