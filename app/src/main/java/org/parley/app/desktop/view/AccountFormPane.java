package org.parley.app.desktop.view;

import java.io.File;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.parley.app.desktop.viewmodel.AccountsViewModel.AccountStatus;
import org.parley.app.desktop.viewmodel.AddAccountViewModel;
import org.parley.app.desktop.viewmodel.ServerCertificateOffer;
import org.parley.app.desktop.viewmodel.Texts;
import org.parley.core.account.Transport;

/**
 * The settings' account form: "Edit" and "Remove" for the selected account, the form that adds or
 * edits one, and a server certificate to look at and trust after a TLS failure or a file import.
 */
final class AccountFormPane {

  private final Texts texts;
  private final AddAccountViewModel form;

  AccountFormPane(Texts texts, AddAccountViewModel form) {
    this.texts = texts;
    this.form = form;
  }

  /** The "Edit" and "Remove" buttons, acting on the account selected in {@code list}. */
  Node listButtons(ListView<AccountStatus> list) {
    BooleanBinding none = list.getSelectionModel().selectedItemProperty().isNull();
    Button edit =
        Views.button(
            "account-edit",
            texts.text("ui.settings.edit"),
            () -> selected(list).ifPresent(form::edit));
    Button remove =
        Views.button(
            "account-remove",
            texts.text("ui.settings.remove"),
            () -> selected(list).ifPresent(aor -> confirmRemove(list, aor)));
    edit.disableProperty().bind(none.or(form.busyProperty()));
    remove.disableProperty().bind(none.or(form.busyProperty()));
    return new HBox(8, edit, remove);
  }

  private static Optional<String> selected(ListView<AccountStatus> list) {
    return Optional.ofNullable(list.getSelectionModel().getSelectedItem())
        .map(AccountStatus::addressOfRecord);
  }

  private void confirmRemove(ListView<AccountStatus> list, String addressOfRecord) {
    Alert confirm =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            texts.text("ui.settings.removeConfirm", addressOfRecord),
            ButtonType.OK,
            ButtonType.CANCEL);
    confirm.initOwner(list.getScene().getWindow());
    confirm.setTitle(texts.text("ui.settings.remove").replace("_", ""));
    confirm.setHeaderText(null);
    // Cancel is the default: Enter alone must not delete an account.
    ((Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setDefaultButton(false);
    ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
    confirm.getDialogPane().lookupButton(ButtonType.OK).setId("account-remove-confirm");
    confirm
        .showAndWait()
        .filter(ButtonType.OK::equals)
        .ifPresent(ok -> form.remove(addressOfRecord));
  }

  /** The title, the fields, the buttons, the message and the certificate offer. */
  VBox form() {
    Label title = new Label();
    title.setId("account-form-title");
    title
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    form.editingProperty().get().isEmpty()
                        ? texts.text("ui.settings.addTitle")
                        : texts.text("ui.settings.editTitle", form.editingProperty().get()),
                form.editingProperty()));
    title.accessibleTextProperty().bind(title.textProperty());
    BooleanBinding editing = form.editingProperty().isNotEmpty();

    PasswordField password = new PasswordField();
    password.setId("account-password");
    password.setAccessibleText(plain("ui.settings.password"));
    password.textProperty().bindBidirectional(form.passwordProperty());
    password
        .promptTextProperty()
        .bind(Bindings.when(editing).then(texts.text("ui.settings.password.keep")).otherwise(""));
    TextField server =
        Views.textField("account-server", form.serverProperty(), plain("ui.settings.server"));
    server.setPromptText(texts.text("ui.settings.server.hint"));
    ComboBox<Transport> transport = new ComboBox<>();
    transport.setId("account-transport");
    transport.getItems().setAll(Transport.values());
    transport.valueProperty().bindBidirectional(form.transportProperty());
    transport.setAccessibleText(plain("ui.settings.transport"));
    TextField voicemailApi =
        Views.textField(
            "account-voicemail-api",
            form.voicemailApiProperty(),
            plain("ui.settings.voicemailApi"));
    voicemailApi.setPromptText(texts.text("ui.settings.voicemailApi.hint"));
    TextField address =
        Views.textField("account-address", form.addressProperty(), plain("ui.settings.address"));
    address.setPromptText("alice@example.com");
    GridPane fields =
        Views.form(
            texts,
            List.of(
                "ui.settings.name",
                "ui.settings.address",
                "ui.settings.password",
                "ui.settings.server",
                "ui.settings.transport",
                "ui.settings.voicemailApi"),
            List.of(
                Views.textField(
                    "account-name", form.displayNameProperty(), plain("ui.settings.name")),
                address,
                password,
                server,
                transport,
                voicemailApi));

    Button save = Views.button("account-add", texts.text("ui.settings.add"), form::checkAndSave);
    save.textProperty()
        .bind(
            Bindings.when(editing)
                .then(texts.text("ui.settings.saveAccount"))
                .otherwise(texts.text("ui.settings.add")));
    save.accessibleTextProperty()
        .bind(
            Bindings.createStringBinding(
                () -> save.getText().replace("_", ""), save.textProperty()));
    save.disableProperty().bind(form.busyProperty());
    save.setDefaultButton(true);
    Button cancel =
        Views.button("account-edit-cancel", texts.text("ui.settings.editCancel"), form::startNew);
    Views.showWhen(cancel, editing);
    Button importFile =
        Views.button(
            "account-import-certificate",
            texts.text("ui.settings.importCertificate"),
            () -> importCertificate(save));
    importFile.disableProperty().bind(form.busyProperty());
    ProgressIndicator checking = new ProgressIndicator();
    checking.setPrefSize(20, 20);
    checking.setAccessibleText(texts.text("ui.settings.checking"));
    Views.showWhen(checking, form.busyProperty());
    Label message = Views.boundLabel("account-message", form.messageProperty());
    return new VBox(
        8,
        title,
        fields,
        new HBox(8, save, cancel, importFile, checking),
        message,
        certificatePane(form.certificate()));
  }

  private void importCertificate(Node owner) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(plain("ui.settings.importCertificate"));
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(
                texts.text("ui.settings.certificateFiles"), "*.pem", "*.crt", "*.cer", "*.der"),
            new FileChooser.ExtensionFilter(texts.text("ui.settings.allFiles"), "*"));
    File chosen = chooser.showOpenDialog(owner.getScene().getWindow());
    if (chosen != null) {
      form.importCertificate(chosen.toPath());
    }
  }

  private VBox certificatePane(ServerCertificateOffer offer) {
    Button show =
        Views.button("certificate-show", texts.text("ui.settings.showCertificate"), offer::show);
    Button trust =
        Views.button(
            "certificate-trust",
            texts.text("ui.settings.trustCertificate"),
            form::trustOfferedCertificate);
    trust.disableProperty().bind(form.busyProperty());
    // Read-only text, so a keyboard user can move through it and copy the fingerprint.
    TextArea details = new TextArea();
    details.setId("certificate-details");
    details.setEditable(false);
    details.setWrapText(true);
    details.setPrefRowCount(7);
    details.textProperty().bind(offer.detailsProperty());
    details.setAccessibleText(plain("ui.settings.certificateDetails"));
    Views.showWhen(details, offer.shownProperty());
    VBox pane = new VBox(6, new HBox(8, show, trust), details);
    Views.showWhen(pane, offer.availableProperty());
    return pane;
  }

  private String plain(String key) {
    return texts.text(key).replace("_", "");
  }
}
