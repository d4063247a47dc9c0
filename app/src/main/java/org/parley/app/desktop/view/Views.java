package org.parley.app.desktop.view;

import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.parley.app.desktop.viewmodel.Texts;

/** Small helpers the views share so every control gets an id and accessible text. */
final class Views {

  private Views() {}

  /** A button whose label (with an {@code _} mnemonic) is also its accessible text. */
  static Button button(String id, String text, Runnable action) {
    Button button = new Button(text);
    button.setId(id);
    button.setMnemonicParsing(true);
    button.setAccessibleText(text.replace("_", ""));
    button.setOnAction(e -> action.run());
    return button;
  }

  /** A label showing a view-model's text, read out by screen readers as it changes. */
  static Label boundLabel(String id, ObservableStringValue text) {
    Label label = new Label();
    label.setId(id);
    label.setWrapText(true);
    label.textProperty().bind(text);
    label.accessibleTextProperty().bind(text);
    return label;
  }

  /** A text field bound both ways to {@code property}, read out as {@code accessibleText}. */
  static TextField textField(String id, StringProperty property, String accessibleText) {
    TextField field = new TextField();
    field.setId(id);
    field.setAccessibleText(accessibleText);
    field.textProperty().bindBidirectional(property);
    return field;
  }

  /** A two-column form: each row a label (its mnemonic focuses the control) and the control. */
  static GridPane form(Texts texts, List<String> labelKeys, List<? extends Control> controls) {
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    for (int row = 0; row < controls.size(); row++) {
      Label label = new Label(texts.text(labelKeys.get(row)));
      label.setMnemonicParsing(true);
      label.setLabelFor(controls.get(row));
      grid.addRow(row, label, controls.get(row));
    }
    return grid;
  }

  /** Shows the node, and keeps its space, only while {@code condition} holds. */
  static void showWhen(Node node, ObservableBooleanValue condition) {
    node.visibleProperty().bind(condition);
    node.managedProperty().bind(condition);
  }
}
