package org.parley.app.desktop.view;

import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.parley.app.desktop.viewmodel.AccountsViewModel;
import org.parley.app.desktop.viewmodel.CallsViewModel;
import org.parley.app.desktop.viewmodel.ChatsViewModel;
import org.parley.app.desktop.viewmodel.ContactsViewModel;
import org.parley.app.desktop.viewmodel.HistoryViewModel;
import org.parley.app.desktop.viewmodel.PresenceViewModel;
import org.parley.app.desktop.viewmodel.Texts;
import org.parley.core.presence.PresenceStatus;

/**
 * The main window's content: menu, contacts and history on the left, the call area on the right,
 * registration status at the bottom. Ctrl+L (Cmd+L) jumps to the dial field, Ctrl+1/2 to the
 * contacts and history tabs.
 */
public final class MainView {

  /** What the menu's commands do; the app supplies them. */
  public interface Commands {
    void openSettings();

    void showAbout();

    void quit();
  }

  // Room beside the headers for the first tab's indent and the skin's spacer.
  private static final double TAB_HEADER_SPACE_PX = 24;

  private final BorderPane root = new BorderPane();
  private TabPane sideTabs;
  private Tab chatsTab;

  public MainView(
      Texts texts,
      AccountsViewModel accounts,
      CallsViewModel calls,
      ContactsViewModel contacts,
      HistoryViewModel history,
      ChatsViewModel chats,
      PresenceViewModel presence,
      Commands commands) {
    CallPane callPane = new CallPane(calls, texts);
    Tab contactsTab =
        new Tab(texts.text("ui.tab.contacts"), new ContactsPane(contacts, presence, texts));
    contactsTab.setId("contacts-tab");
    Tab historyTab = new Tab(texts.text("ui.tab.history"), new HistoryPane(history, texts));
    historyTab.setId("history-tab");
    Tab chatsTab = new Tab(texts.text("ui.tab.chats"), new ChatsPane(chats, texts));
    chatsTab.setId("chats-tab");
    this.chatsTab = chatsTab;
    chatsTab
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    chats.unreadTotalProperty().get() == 0
                        ? texts.text("ui.tab.chats")
                        : texts.text("ui.tab.chatsUnread", chats.unreadTotalProperty().get()),
                chats.unreadTotalProperty()));
    TabPane tabs = new TabPane(contactsTab, historyTab, chatsTab);
    tabs.setId("side-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.setAccessibleText(texts.text("ui.tabs"));
    sideTabs = tabs;
    keepTabsVisible(tabs);
    SplitPane split = new SplitPane(tabs, callPane);
    split.setDividerPositions(0.42);
    split.setAccessibleText(texts.text("ui.split"));

    root.setTop(menuBar(texts, commands));
    root.setCenter(split);
    root.setBottom(statusBar(accounts, presence, texts));
    root.sceneProperty()
        .addListener(
            (property, was, scene) -> {
              if (scene == null) {
                return;
              }
              scene
                  .getAccelerators()
                  .put(
                      new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
                      () -> callPane.dialField().requestFocus());
              scene
                  .getAccelerators()
                  .put(
                      new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN),
                      () -> tabs.getSelectionModel().select(contactsTab));
              scene
                  .getAccelerators()
                  .put(
                      new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN),
                      () -> tabs.getSelectionModel().select(historyTab));
              scene
                  .getAccelerators()
                  .put(
                      new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN),
                      () -> tabs.getSelectionModel().select(chatsTab));
              callPane.dialField().requestFocus();
            });
  }

  public Parent root() {
    return root;
  }

  /** Whether the chats tab is the one shown. */
  public ReadOnlyBooleanProperty chatsShownProperty() {
    return chatsTab.selectedProperty();
  }

  /** Shows the chats tab (a click on a chat notification lands there). */
  public void showChats() {
    sideTabs.getSelectionModel().select(chatsTab);
  }

  /** Adds a tab beside contacts, history and chats; Ctrl ({@code Cmd}) + {@code digit} opens it. */
  public void addSideTab(Tab tab, KeyCode digit) {
    sideTabs.getTabs().add(tab);
    KeyCodeCombination shortcut = new KeyCodeCombination(digit, KeyCombination.SHORTCUT_DOWN);
    Runnable open = () -> sideTabs.getSelectionModel().select(tab);
    if (root.getScene() != null) {
      root.getScene().getAccelerators().put(shortcut, open);
    }
    root.sceneProperty()
        .addListener(
            (property, was, scene) -> {
              if (scene != null) {
                scene.getAccelerators().put(shortcut, open);
              }
            });
  }

  // The split pane may not narrow the side tabs below their headers' width: a tab that does not
  // fit is cut off at the edge (a longer translation, "Voicemail (1 new)", the dark theme's
  // padding), so the pane's minimum follows the headers (MainScreensIT checks it).
  private static void keepTabsVisible(TabPane tabs) {
    tabs.skinProperty()
        .addListener(
            (property, was, skin) -> {
              // The skin counts its overflow button as taken even while it is hidden.
              if (tabs.lookup(".headers-region") instanceof Region headers
                  && tabs.lookup(".control-buttons-tab") instanceof Region overflow) {
                tabs.minWidthProperty()
                    .bind(
                        Bindings.createDoubleBinding(
                            () -> headers.getWidth() + overflow.prefWidth(-1) + TAB_HEADER_SPACE_PX,
                            headers.widthProperty()));
              }
            });
  }

  private static MenuBar menuBar(Texts texts, Commands commands) {
    MenuItem settings = new MenuItem(texts.text("ui.menu.settings"));
    settings.setId("menu-settings");
    settings.setAccelerator(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN));
    settings.setOnAction(e -> commands.openSettings());
    MenuItem quit = new MenuItem(texts.text("ui.menu.quit"));
    quit.setId("quit");
    quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
    quit.setOnAction(e -> commands.quit());
    MenuItem about = new MenuItem(texts.text("ui.menu.about"));
    about.setOnAction(e -> commands.showAbout());
    MenuBar bar =
        new MenuBar(
            new Menu(texts.text("ui.menu.file"), null, settings, quit),
            new Menu(texts.text("ui.menu.help"), null, about));
    bar.setUseSystemMenuBar(true);
    bar.setAccessibleText(texts.text("ui.menu.bar"));
    return bar;
  }

  private static HBox statusBar(
      AccountsViewModel accounts, PresenceViewModel presence, Texts texts) {
    ComboBox<PresenceStatus> mine =
        new ComboBox<>(FXCollections.observableArrayList(PresenceViewModel.CHOICES));
    mine.setId("my-status");
    mine.setAccessibleText(texts.text("ui.presence.mine"));
    mine.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(PresenceStatus status) {
            return presence.text(Optional.ofNullable(status));
          }

          @Override
          public PresenceStatus fromString(String text) {
            throw new UnsupportedOperationException("The selector is not editable");
          }
        });
    mine.valueProperty().bindBidirectional(presence.myStatusProperty());
    Label presenceError = Views.boundLabel("my-status-error", presence.errorProperty());
    Label status = Views.boundLabel("registration-status", accounts.summaryProperty());
    // With several accounts the bar shows a count; each account's state is one hover (or one
    // screen-reader help request) away.
    Tooltip perAccount = new Tooltip();
    perAccount.textProperty().bind(accounts.detailsProperty());
    status.setTooltip(perAccount);
    status.accessibleHelpProperty().bind(accounts.detailsProperty());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox bar = new HBox(8, status, gap, presenceError, mine);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("status-bar");
    return bar;
  }
}
