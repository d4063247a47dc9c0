package org.parley.app.desktop.view;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.parley.app.desktop.viewmodel.Texts;
import org.parley.app.desktop.viewmodel.TransferViewModel;

/** The transfer controls of the call in progress: target, blind, consult, complete, cancel. */
final class TransferBox extends VBox {

  TransferBox(TransferViewModel transfer, Texts texts) {
    setSpacing(6);
    setId("transfer");
    TextField target =
        Views.textField(
            "transfer-target", transfer.targetProperty(), texts.text("ui.transfer.target"));
    target.setPromptText(texts.text("ui.transfer.target"));
    target.setOnAction(e -> transfer.blindTransfer());
    HBox.setHgrow(target, Priority.ALWAYS);
    Button blind =
        Views.button("transfer-button", texts.text("ui.transfer.blind"), transfer::blindTransfer);
    Button consult =
        Views.button(
            "consult-button", texts.text("ui.transfer.consult"), transfer::startConsultation);
    Button complete =
        Views.button(
            "complete-transfer-button",
            texts.text("ui.transfer.complete"),
            transfer::completeTransfer);
    complete.getStyleClass().add("success");
    Button cancel =
        Views.button(
            "cancel-consultation-button",
            texts.text("ui.transfer.cancel"),
            transfer::cancelConsultation);
    // While consulting, only "complete" and "back" make sense; otherwise only starting one does.
    blind.disableProperty().bind(transfer.consultingProperty());
    consult.disableProperty().bind(transfer.consultingProperty());
    target.disableProperty().bind(transfer.consultingProperty());
    Views.showWhen(complete, transfer.consultingProperty());
    Views.showWhen(cancel, transfer.consultingProperty());
    HBox row = new HBox(8, target, blind, consult);
    row.setAlignment(Pos.CENTER_LEFT);
    Label status = Views.boundLabel("transfer-status", transfer.statusProperty());
    Label error = Views.boundLabel("transfer-error", transfer.errorProperty());
    error.getStyleClass().add("danger");
    getChildren().addAll(row, new HBox(8, complete, cancel), status, error);
  }
}
