package org.parley.app.desktop.view;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.parley.app.desktop.viewmodel.CallLine;
import org.parley.app.desktop.viewmodel.CallsViewModel;
import org.parley.app.desktop.viewmodel.Texts;

/** The calls in progress, shown while there is more than one; choosing one switches to it. */
final class CallList extends ListView<CallLine> {

  private static final double ROW_HEIGHT = 28;

  CallList(CallsViewModel calls, Texts texts) {
    super(calls.lines());
    setId("call-list");
    setAccessibleText(texts.text("ui.calls.list"));
    setFixedCellSize(ROW_HEIGHT);
    prefHeightProperty().bind(Bindings.size(getItems()).multiply(ROW_HEIGHT).add(4));
    setCellFactory(list -> new LineCell());
    Views.showWhen(this, Bindings.size(getItems()).greaterThan(1));
    getSelectionModel()
        .selectedItemProperty()
        .addListener((property, was, now) -> calls.switchTo(now));
    calls.selectedProperty().addListener((property, was, now) -> getSelectionModel().select(now));
  }

  /** Shows a call's peer and state as they change. */
  private static final class LineCell extends ListCell<CallLine> {
    @Override
    protected void updateItem(CallLine line, boolean empty) {
      super.updateItem(line, empty);
      textProperty().unbind();
      if (empty || line == null) {
        setText(null);
        return;
      }
      textProperty().bind(Bindings.concat(line.peerProperty(), " \u2014 ", line.stateProperty()));
    }
  }
}
