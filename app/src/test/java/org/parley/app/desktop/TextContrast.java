package org.parley.app.desktop;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;

/**
 * Labels whose text colour is too faint on a white background, by the WCAG 2.x contrast ratio ((L1
 * + 0.05) / (L2 + 0.05) of the relative luminances).
 */
final class TextContrast {

  private TextContrast() {}

  /** One line per shown label under {@code root} whose ratio against white is below {@code min}. */
  static List<String> below(Parent root, double minimumRatio) {
    List<String> faint = new ArrayList<>();
    collect(root, minimumRatio, faint);
    return faint;
  }

  /** The WCAG contrast ratio of {@code color} against white, from 1 (white) to 21 (black). */
  static double againstWhite(Color color) {
    return 1.05 / (luminance(color) + 0.05);
  }

  private static void collect(Node node, double minimumRatio, List<String> faint) {
    if (!node.isVisible() || node.isDisabled()) {
      return;
    }
    if (node instanceof Label label
        && label.getText() != null
        && !label.getText().isBlank()
        && label.getTextFill() instanceof Color color
        && againstWhite(color) < minimumRatio) {
      faint.add(
          (label.getId() == null ? label.getText() : "#" + label.getId())
              + String.format(java.util.Locale.ROOT, " is %s, %.1f:1", color, againstWhite(color)));
    }
    if (node instanceof Parent parent) {
      parent.getChildrenUnmodifiable().forEach(child -> collect(child, minimumRatio, faint));
    }
  }

  private static double luminance(Color color) {
    return 0.2126 * linear(color.getRed())
        + 0.7152 * linear(color.getGreen())
        + 0.0722 * linear(color.getBlue());
  }

  private static double linear(double channel) {
    return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
  }
}
