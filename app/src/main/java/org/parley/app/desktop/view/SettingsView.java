package org.parley.app.desktop.view;

import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.parley.app.desktop.session.DesktopSettings.Theme;
import org.parley.app.desktop.viewmodel.AccountsViewModel;
import org.parley.app.desktop.viewmodel.AccountsViewModel.AccountStatus;
import org.parley.app.desktop.viewmodel.AddAccountViewModel;
import org.parley.app.desktop.viewmodel.CallEncryptionViewModel;
import org.parley.app.desktop.viewmodel.SettingsViewModel;
import org.parley.app.desktop.viewmodel.Texts;
import org.parley.core.call.MediaEncryption;

/**
 * The settings window: accounts (with the add-account form and each account's call encryption),
 * audio, appearance and language, notifications and automatic away.
 */
public final class SettingsView {

  private final Texts texts;
  private final SettingsViewModel settings;
  private final AccountsViewModel accounts;
  private final AddAccountViewModel addAccount;
  private String passwordStorage = "";
  private boolean passwordStorageWarns;
  private CallEncryptionViewModel encryption;

  public SettingsView(
      Texts texts,
      SettingsViewModel settings,
      AccountsViewModel accounts,
      AddAccountViewModel addAccount) {
    this.texts = texts;
    this.settings = settings;
    this.accounts = accounts;
    this.addAccount = addAccount;
  }

  /**
   * Shows where passwords are kept (the credential store's description) under the accounts, as a
   * warning when they are not in an OS keychain.
   */
  public SettingsView showingPasswordStorage(String description, boolean warning) {
    this.passwordStorage = description;
    this.passwordStorageWarns = warning;
    return this;
  }

  /** Shows each stored account's "Encrypt calls (SRTP)" choice under the accounts. */
  public SettingsView showingCallEncryption(CallEncryptionViewModel callEncryption) {
    this.encryption = callEncryption;
    return this;
  }

  /** Opens the window over {@code owner}; Escape closes it. */
  public Stage show(Window owner) {
    settings.load();
    if (encryption != null) {
      encryption.load();
    }
    TabPane tabs =
        new TabPane(
            tab("settings-accounts-tab", "ui.settings.tab.accounts", accountsPane()),
            tab("settings-audio-tab", "ui.settings.tab.audio", audioPane()),
            tab("settings-appearance-tab", "ui.settings.tab.appearance", appearancePane()),
            tab("settings-notifications-tab", "ui.settings.tab.notifications", noticePane()));
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.setAccessibleText(texts.text("ui.settings.title"));
    Stage stage = new Stage();
    Button save = Views.button("settings-save", texts.text("ui.settings.save"), this::saveAll);
    Button close = Views.button("settings-close", texts.text("ui.settings.close"), stage::close);
    close.setCancelButton(true);
    Label message = Views.boundLabel("settings-message", settings.messageProperty());
    HBox buttons = new HBox(8, message, save, close);
    buttons.setPadding(new Insets(8));
    BorderPane root = new BorderPane(tabs);
    root.setBottom(buttons);
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle(texts.text("ui.settings.title"));
    stage.setScene(new Scene(root, 640, 600));
    stage.show();
    return stage;
  }

  private Label passwordStorageLabel() {
    String key =
        passwordStorageWarns ? "ui.settings.passwordStorageWarning" : "ui.settings.passwordStorage";
    Label storage = new Label(texts.text(key, passwordStorage));
    storage.setId("settings-password-storage");
    storage.setWrapText(true);
    // All its lines, even when the pane is short: a VBox would otherwise squeeze the warning to one
    // line and cut off its advice (MainScreensIT found it cut at 100 % and 200 %).
    storage.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    storage.setAccessibleText(storage.getText());
    if (passwordStorageWarns) {
      storage.getStyleClass().add("warning");
    }
    return storage;
  }

  private Tab tab(String id, String key, javafx.scene.Node content) {
    Tab tab = new Tab(texts.text(key), content);
    tab.setId(id);
    return tab;
  }

  private ScrollPane accountsPane() {
    ListView<AccountStatus> list = new ListView<>(accounts.accounts());
    list.setId("settings-accounts");
    list.setAccessibleText(texts.text("ui.settings.accounts"));
    list.setPrefHeight(120);
    list.setCellFactory(
        view ->
            new javafx.scene.control.ListCell<>() {
              @Override
              protected void updateItem(AccountStatus item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.text());
                setAccessibleText(getText());
              }
            });

    AccountFormPane form = new AccountFormPane(texts, addAccount);
    VBox pane =
        new VBox(
            8,
            new Label(texts.text("ui.settings.accounts")),
            list,
            form.listButtons(list),
            form.form());
    if (!passwordStorage.isEmpty()) {
      pane.getChildren().add(passwordStorageLabel());
    }
    if (encryption != null) {
      pane.getChildren().add(encryptionPane());
    }
    pane.setPadding(new Insets(12));
    // The form grows with a certificate's details; the window does not.
    ScrollPane scroll = new ScrollPane(pane);
    scroll.setId("settings-accounts-pane");
    scroll.setAccessibleText(texts.text("ui.settings.tab.accounts"));
    scroll.setFitToWidth(true);
    return scroll;
  }

  private void saveAll() {
    settings.save();
    if (encryption != null) {
      encryption.save();
    }
  }

  // One "Encrypt calls (SRTP)" choice per stored account, rebuilt when the accounts are read.
  private VBox encryptionPane() {
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    Runnable fill =
        () -> {
          grid.getChildren().clear();
          int index = 0;
          for (CallEncryptionViewModel.Row row : encryption.rows()) {
            ComboBox<MediaEncryption> choice = new ComboBox<>();
            choice.setId("account-encryption-" + index);
            choice.getItems().setAll(MediaEncryption.values());
            choice.setConverter(converter(encryption::text));
            choice.valueProperty().bindBidirectional(row.encryptionProperty());
            choice.setAccessibleText(
                texts.text("ui.settings.encryptionFor", row.addressOfRecord()));
            Label account = new Label(row.addressOfRecord());
            account.setLabelFor(choice);
            grid.addRow(index++, account, choice);
          }
        };
    encryption
        .rows()
        .addListener((ListChangeListener<CallEncryptionViewModel.Row>) change -> fill.run());
    fill.run();
    Label title = new Label(texts.text("ui.settings.encryption"));
    Label error = Views.boundLabel("account-encryption-error", encryption.errorProperty());
    return new VBox(6, title, grid, error);
  }

  private GridPane noticePane() {
    CheckBox notifications = new CheckBox(texts.text("ui.settings.notifications"));
    notifications.setId("settings-notifications");
    notifications.setMnemonicParsing(true);
    notifications.selectedProperty().bindBidirectional(settings.notificationsProperty());
    notifications.setAccessibleText(plain("ui.settings.notifications"));
    Spinner<Integer> away = new Spinner<>();
    away.setId("settings-away-minutes");
    away.setEditable(true);
    SpinnerValueFactory.IntegerSpinnerValueFactory minutes =
        new SpinnerValueFactory.IntegerSpinnerValueFactory(
            0, SettingsViewModel.MAX_AWAY_AFTER_MINUTES, settings.awayAfterMinutesProperty().get());
    minutes.valueProperty().bindBidirectional(settings.awayAfterMinutesProperty());
    away.setValueFactory(minutes);
    away.setAccessibleText(plain("ui.settings.awayMinutes"));
    away.setAccessibleHelp(texts.text("ui.settings.awayMinutes.help"));
    GridPane pane = Views.form(texts, List.of("ui.settings.awayMinutes"), List.of(away));
    Label help = new Label(texts.text("ui.settings.awayMinutes.help"));
    help.setWrapText(true);
    pane.add(help, 1, 1);
    pane.add(notifications, 0, 2, 2, 1);
    pane.setPadding(new Insets(12));
    return pane;
  }

  private VBox audioPane() {
    ComboBox<String> microphone = new ComboBox<>(settings.microphones());
    microphone.setId("settings-microphone");
    microphone.valueProperty().bindBidirectional(settings.microphoneProperty());
    microphone.setAccessibleText(plain("ui.settings.microphone"));
    ComboBox<String> speaker = new ComboBox<>(settings.speakers());
    speaker.setId("settings-speaker");
    speaker.valueProperty().bindBidirectional(settings.speakerProperty());
    speaker.setAccessibleText(plain("ui.settings.speaker"));
    ComboBox<String> ringer = new ComboBox<>(settings.speakers());
    ringer.setId("settings-ringer");
    ringer.valueProperty().bindBidirectional(settings.ringerProperty());
    ringer.setAccessibleText(plain("ui.settings.ringer"));
    GridPane devices =
        Views.form(
            texts,
            List.of("ui.settings.microphone", "ui.settings.speaker", "ui.settings.ringer"),
            List.of(microphone, speaker, ringer));

    ListView<String> codecs = new ListView<>(settings.codecOrder());
    codecs.setId("settings-codecs");
    codecs.setAccessibleText(plain("ui.settings.codecs"));
    codecs.setPrefHeight(140);
    Button up = Views.button("codec-up", texts.text("ui.settings.codecUp"), () -> move(codecs, -1));
    Button down =
        Views.button("codec-down", texts.text("ui.settings.codecDown"), () -> move(codecs, 1));
    VBox pane =
        new VBox(
            8, devices, new Label(texts.text("ui.settings.codecs")), codecs, new HBox(8, up, down));
    pane.setPadding(new Insets(12));
    return pane;
  }

  private void move(ListView<String> codecs, int by) {
    int index = codecs.getSelectionModel().getSelectedIndex();
    if (index < 0) {
      return;
    }
    if (by < 0) {
      settings.moveCodecUp(index);
    } else {
      settings.moveCodecDown(index);
    }
    codecs
        .getSelectionModel()
        .clearAndSelect(Math.max(0, Math.min(index + by, codecs.getItems().size() - 1)));
  }

  private GridPane appearancePane() {
    ComboBox<Theme> theme = new ComboBox<>();
    theme.setId("settings-theme");
    theme.getItems().setAll(Theme.values());
    theme.valueProperty().bindBidirectional(settings.themeProperty());
    theme.setConverter(
        converter(t -> texts.text("ui.settings.theme." + t.name().toLowerCase(Locale.ROOT))));
    theme.setAccessibleText(plain("ui.settings.theme"));
    ComboBox<Locale> language = new ComboBox<>();
    language.setId("settings-language");
    language.getItems().setAll(SettingsViewModel.LANGUAGES);
    language.valueProperty().bindBidirectional(settings.languageProperty());
    // Each language is named in itself, so a user who cannot read the current one finds theirs.
    language.setConverter(converter(l -> l.getDisplayLanguage(l)));
    language.setAccessibleText(plain("ui.settings.language"));
    GridPane pane =
        Views.form(
            texts, List.of("ui.settings.theme", "ui.settings.language"), List.of(theme, language));
    pane.setPadding(new Insets(12));
    return pane;
  }

  private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show) {
    return new StringConverter<>() {
      @Override
      public String toString(T value) {
        return value == null ? "" : show.apply(value);
      }

      @Override
      public T fromString(String text) {
        throw new UnsupportedOperationException("not editable");
      }
    };
  }

  private String plain(String key) {
    return texts.text(key).replace("_", "");
  }
}
