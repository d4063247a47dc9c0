package org.parley.app.desktop;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;

/**
 * Finds text that JavaFX cut short on screen: a shown {@link Labeled} (label, button, tab, list
 * cell) whose skin displays something other than its text, which is what it does when the text does
 * not fit (it shows the start and an ellipsis).
 */
final class ClippedText {

  private ClippedText() {}

  /**
   * One line per clipped control under {@code root}: its id or style class, its text, what shows.
   */
  static List<String> in(Parent root) {
    List<String> clipped = new ArrayList<>();
    collect(root, clipped);
    return clipped;
  }

  private static void collect(Node node, List<String> clipped) {
    if (!node.isVisible()) {
      return; // hidden parts (a closed notification, an idle call view) show nothing to clip
    }
    if (node instanceof Labeled labeled) {
      check(labeled, clipped);
    }
    if (node instanceof TabPane tabs) {
      check(tabs, clipped);
    }
    if (node instanceof Parent parent) {
      for (Node child : parent.getChildrenUnmodifiable()) {
        collect(child, clipped);
      }
    }
  }

  private static void check(Labeled labeled, List<String> clipped) {
    String text = labeled.getText();
    if (text == null
        || text.isBlank()
        || labeled.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) {
      return;
    }
    String expected = labeled.isMnemonicParsing() ? withoutMnemonic(text) : text;
    for (Node child : labeled.getChildrenUnmodifiable()) {
      // The skin's own text node; a graphic that happens to be a Text is not it.
      if (child instanceof Text shown && child != labeled.getGraphic()) {
        if (!expected.equals(shown.getText())) {
          clipped.add(
              name(labeled) + ": \"" + expected + "\" shows as \"" + shown.getText() + "\"");
        }
        return;
      }
    }
  }

  // Tabs that do not fit their header are cut off at its edge (not shortened with an ellipsis),
  // and the skin shows its overflow menu button, which stays hidden while all tabs fit.
  private static void check(TabPane tabs, List<String> clipped) {
    Node overflow = tabs.lookup(".control-buttons-tab");
    if (overflow != null && overflow.isVisible()) {
      clipped.add(
          (tabs.getId() == null ? "TabPane" : "#" + tabs.getId())
              + ": tabs cut off at the header's edge: "
              + tabs.getTabs().stream().map(Tab::getText).toList());
    }
  }

  // JavaFX shows "_Pause" as "Pause" (the underscore marks the mnemonic) and "__" as "_".
  private static String withoutMnemonic(String text) {
    StringBuilder shown = new StringBuilder(text.length());
    boolean removed = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '_' && i + 1 < text.length()) {
        if (text.charAt(i + 1) == '_') {
          shown.append('_');
          i++;
          continue;
        }
        if (!removed) {
          removed = true;
          continue;
        }
      }
      shown.append(c);
    }
    return shown.toString();
  }

  private static String name(Labeled labeled) {
    if (labeled.getId() != null) {
      return "#" + labeled.getId();
    }
    return labeled.getClass().getSimpleName() + "." + String.join(".", labeled.getStyleClass());
  }
}
