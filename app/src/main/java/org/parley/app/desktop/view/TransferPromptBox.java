package org.parley.app.desktop.view;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.parley.app.desktop.viewmodel.Texts;
import org.parley.app.desktop.viewmodel.TransferPromptViewModel;

/** The question a peer's transfer puts to the user ("Go" or "Stay"), and what came of it. */
final class TransferPromptBox extends VBox {

  TransferPromptBox(TransferPromptViewModel prompt, Texts texts) {
    setSpacing(6);
    Label question = Views.boundLabel("transfer-prompt-question", prompt.questionProperty());
    Button go = Views.button("transfer-go-button", texts.text("ui.transferPrompt.go"), prompt::go);
    go.getStyleClass().add("success");
    Button stay =
        Views.button("transfer-stay-button", texts.text("ui.transferPrompt.stay"), prompt::stay);
    VBox box = new VBox(8, question, new HBox(8, go, stay));
    box.setId("transfer-prompt");
    box.getStyleClass().add("notification");
    box.setAccessibleText(texts.text("ui.transferPrompt.accessible"));
    Views.showWhen(box, prompt.shownProperty());
    // The question takes the keyboard focus, as an incoming call does, so it is read out at once.
    prompt
        .shownProperty()
        .addListener(
            (property, was, now) -> {
              if (now) {
                go.requestFocus();
              }
            });
    Label notice = Views.boundLabel("transfer-prompt-notice", prompt.noticeProperty());
    Views.showWhen(notice, prompt.noticeProperty().isNotEmpty());
    getChildren().addAll(box, notice);
    // Idle, it takes no room in the call area (no spacing either).
    Views.showWhen(this, prompt.shownProperty().or(prompt.noticeProperty().isNotEmpty()));
  }
}
