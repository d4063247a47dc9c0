package org.parley.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Contrast ratios against white as WCAG 2.x defines them, and the check built on them. */
@ExtendWith(ApplicationExtension.class)
class TextContrastTest {

  @Start
  void start(Stage stage) {
    stage.setScene(new Scene(new VBox(), 100, 100));
  }

  @Test
  void ratiosMatchTheWcagEndpointsAndItsGreyAtTheAaLimit() {
    assertThat(TextContrast.againstWhite(Color.BLACK)).isCloseTo(21.0, within(0.01));
    assertThat(TextContrast.againstWhite(Color.WHITE)).isCloseTo(1.0, within(0.01));
    // #767676 is the lightest grey that passes AA (4.5:1) on white.
    assertThat(TextContrast.againstWhite(Color.web("#767676"))).isCloseTo(4.54, within(0.01));
  }

  @Test
  void onlyTheFaintLabelIsReported() {
    Label faint = new Label("Away");
    faint.setId("faint");
    faint.setTextFill(Color.web("#8c959f"));
    Label strong = new Label("Busy");
    strong.setTextFill(Color.BLACK);

    assertThat(TextContrast.below(new VBox(faint, strong), 7))
        .singleElement()
        .asString()
        .isEqualTo("#faint is 0x8c959fff, 3.0:1");
  }
}
