package org.parley.app.desktop.view;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.parley.app.desktop.viewmodel.CallsViewModel;
import org.parley.app.desktop.viewmodel.Texts;

/**
 * The call area: dial field, incoming-call (or call-waiting) notification, the list of calls and
 * the selected call with mute, hold, keypad, hang up, transfer and its live quality (read once a
 * second).
 */
final class CallPane extends VBox {

  private static final String KEYS = "123456789*0#";

  private final CallsViewModel calls;
  private final Texts texts;
  private final Timeline qualityTicker;
  private final TextField dialField = new TextField();

  CallPane(CallsViewModel calls, Texts texts) {
    this.calls = calls;
    this.texts = texts;
    setSpacing(12);
    setPadding(new Insets(16));
    getChildren()
        .addAll(
            dialRow(),
            dialError(),
            incoming(),
            new TransferPromptBox(calls.transferPrompt(), texts),
            inCall(),
            lastOutcome());
    qualityTicker = new Timeline(new KeyFrame(Duration.seconds(1), e -> calls.refreshQuality()));
    qualityTicker.setCycleCount(Timeline.INDEFINITE);
    calls
        .inCallProperty()
        .addListener(
            (property, was, now) -> {
              if (now) {
                qualityTicker.play();
              } else {
                qualityTicker.stop();
              }
            });
  }

  TextField dialField() {
    return dialField;
  }

  private HBox dialRow() {
    dialField.setId("dial-field");
    dialField.setPromptText(texts.text("ui.dial.prompt"));
    dialField.setAccessibleText(texts.text("ui.dial.accessible"));
    dialField.textProperty().bindBidirectional(calls.dialTextProperty());
    dialField.setOnAction(e -> calls.dial());
    HBox.setHgrow(dialField, Priority.ALWAYS);
    Button dial = Views.button("dial-button", texts.text("ui.dial.button"), calls::dial);
    dial.disableProperty().bind(calls.inCallProperty());
    HBox row = new HBox(8, dialField, dial);
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  private Label dialError() {
    Label error = Views.boundLabel("dial-error", calls.dialErrorProperty());
    error.getStyleClass().add("danger");
    return error;
  }

  private VBox incoming() {
    Label caller = new Label();
    caller.setId("incoming-caller");
    caller
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> texts.text("ui.incoming.title", calls.incomingCallerProperty().get()),
                calls.incomingCallerProperty()));
    caller.accessibleTextProperty().bind(caller.textProperty());
    Button answer = Views.button("answer-button", texts.text("ui.incoming.answer"), calls::answer);
    answer.getStyleClass().add("success");
    answer.setDefaultButton(false);
    Button decline =
        Views.button("decline-button", texts.text("ui.incoming.decline"), calls::decline);
    decline.getStyleClass().add("danger");
    Label waiting = new Label();
    waiting.setId("call-waiting");
    waiting.setWrapText(true);
    waiting
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    texts.text(
                        "call.waiting",
                        calls.incomingCallerProperty().get(),
                        calls.callPeerProperty().get()),
                calls.incomingCallerProperty(),
                calls.callPeerProperty()));
    waiting.accessibleTextProperty().bind(waiting.textProperty());
    Views.showWhen(waiting, calls.callWaitingProperty());
    VBox box = new VBox(8, caller, waiting, new HBox(8, answer, decline));
    box.setId("incoming-call");
    box.getStyleClass().add("notification");
    Views.showWhen(box, calls.incomingShownProperty());
    // The notification takes the keyboard focus so Enter (or Alt+A) answers at once.
    calls
        .incomingShownProperty()
        .addListener(
            (property, was, now) -> {
              if (now) {
                answer.requestFocus();
              }
            });
    return box;
  }

  private VBox inCall() {
    Label peer = Views.boundLabel("call-peer", calls.callPeerProperty());
    peer.getStyleClass().add("title-3");
    Label state = Views.boundLabel("call-state", calls.callStateProperty());
    Label quality = Views.boundLabel("call-quality", calls.qualityProperty());
    Label digits = Views.boundLabel("call-digits", calls.digitsSentProperty());

    ToggleButton mute = new ToggleButton(texts.text("ui.call.mute"));
    mute.setId("mute-button");
    mute.setMnemonicParsing(true);
    mute.setAccessibleText(texts.text("ui.call.mute.accessible"));
    mute.selectedProperty().bindBidirectional(calls.mutedProperty());
    Button hold = Views.button("hold-button", texts.text("ui.call.hold"), calls::toggleHold);
    hold.textProperty()
        .bind(
            Bindings.when(calls.heldProperty())
                .then(texts.text("ui.call.resume"))
                .otherwise(texts.text("ui.call.hold")));
    hold.accessibleTextProperty().bind(hold.textProperty());
    Button record =
        Views.button("record-button", texts.text("ui.call.record"), calls.recording()::toggle);
    record
        .textProperty()
        .bind(
            Bindings.when(calls.recording().recordingProperty())
                .then(texts.text("ui.call.stopRecording"))
                .otherwise(texts.text("ui.call.record")));
    record.accessibleTextProperty().bind(record.textProperty());
    Label recordStatus = Views.boundLabel("record-status", calls.recording().statusProperty());
    Button hangUp = Views.button("hangup-button", texts.text("ui.call.hangup"), calls::hangUp);
    hangUp.getStyleClass().add("danger");

    VBox box =
        new VBox(
            8,
            new CallList(calls, texts),
            peer,
            state,
            quality,
            new HBox(8, mute, hold, record, hangUp),
            recordStatus,
            keypad(),
            digits,
            new TransferBox(calls.transfer(), texts));
    box.setId("in-call");
    Views.showWhen(box, calls.inCallProperty());
    return box;
  }

  private GridPane keypad() {
    GridPane pad = new GridPane();
    pad.setId("keypad");
    pad.setHgap(4);
    pad.setVgap(4);
    pad.setAccessibleText(texts.text("ui.call.keypad"));
    for (int i = 0; i < KEYS.length(); i++) {
      char key = KEYS.charAt(i);
      Button button =
          Views.button("key-" + keyName(key), String.valueOf(key), () -> calls.sendDigit(key));
      button.setMnemonicParsing(false);
      button.setAccessibleText(texts.text("ui.call.key", String.valueOf(key)));
      button.setMinWidth(44);
      pad.add(button, i % 3, i / 3);
    }
    // Typing digits while the keypad has focus sends them too.
    pad.setOnKeyTyped(
        e -> {
          if (!e.getCharacter().isEmpty()) {
            calls.sendDigit(e.getCharacter().charAt(0));
          }
        });
    return pad;
  }

  private static String keyName(char key) {
    return switch (key) {
      case '*' -> "star";
      case '#' -> "hash";
      default -> String.valueOf(key);
    };
  }

  private Label lastOutcome() {
    return Views.boundLabel("last-outcome", calls.lastOutcomeProperty());
  }
}
