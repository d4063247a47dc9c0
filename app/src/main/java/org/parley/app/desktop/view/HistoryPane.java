package org.parley.app.desktop.view;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.parley.app.desktop.viewmodel.HistoryViewModel;
import org.parley.app.desktop.viewmodel.HistoryViewModel.Entry;
import org.parley.app.desktop.viewmodel.HistoryViewModel.Filter;
import org.parley.app.desktop.viewmodel.Texts;

/** The call history list with its filter, quality badges and call back (button or Enter). */
final class HistoryPane extends VBox {

  HistoryPane(HistoryViewModel history, Texts texts) {
    setSpacing(8);
    setPadding(new Insets(8));

    ComboBox<Filter> filter = new ComboBox<>();
    filter.setId("history-filter");
    filter.getItems().setAll(Filter.values());
    filter.valueProperty().bindBidirectional(history.filterProperty());
    filter.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Filter value) {
            return value == null
                ? ""
                : texts.text("ui.history.filter." + value.name().toLowerCase(Locale.ROOT));
          }

          @Override
          public Filter fromString(String text) {
            return history.filterProperty().get();
          }
        });
    filter.setAccessibleText(texts.text("ui.history.filter"));

    ListView<Entry> list = new ListView<>(history.entries());
    list.setId("history-list");
    list.setAccessibleText(texts.text("ui.history.list"));
    list.setPlaceholder(new Label(texts.text("ui.history.empty")));
    list.setCellFactory(view -> new EntryCell());
    VBox.setVgrow(list, Priority.ALWAYS);

    Button callBack =
        Views.button(
            "history-call-back",
            texts.text("ui.history.callBack"),
            () -> {
              Entry selected = list.getSelectionModel().getSelectedItem();
              if (selected != null) {
                history.callBack(selected);
              }
            });
    callBack.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
    list.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            callBack.fire();
          }
        });
    getChildren().addAll(filter, list, callBack);
  }

  /** One call: who, what and when, and its quality badge on the right. */
  private static final class EntryCell extends ListCell<Entry> {
    @Override
    protected void updateItem(Entry entry, boolean empty) {
      super.updateItem(entry, empty);
      if (empty || entry == null) {
        setGraphic(null);
        setText(null);
        setAccessibleText(null);
        return;
      }
      Label peer = new Label(entry.peer());
      peer.getStyleClass().add("text-bold");
      Label summary = new Label(entry.summary());
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      Label badge = new Label(entry.badgeText());
      badge.getStyleClass().add("quality-badge");
      entry
          .badge()
          .ifPresent(
              b -> badge.getStyleClass().add("quality-" + b.name().toLowerCase(Locale.ROOT)));
      if (!entry.qualityDetails().isEmpty()) {
        badge.setTooltip(new Tooltip(entry.qualityDetails()));
      }
      setGraphic(new HBox(8, new VBox(2, peer, summary), gap, badge));
      setText(null);
      setAccessibleText(
          entry.peer()
              + ", "
              + entry.summary()
              + (entry.badgeText().isEmpty() ? "" : ", " + entry.badgeText()));
    }
  }
}
