package org.parley.app.desktop.view;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

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

  /** Shows the node, and keeps its space, only while {@code condition} holds. */
  static void showWhen(Node node, ObservableBooleanValue condition) {
    node.visibleProperty().bind(condition);
    node.managedProperty().bind(condition);
  }
}
