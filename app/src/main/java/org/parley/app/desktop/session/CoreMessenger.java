package org.parley.app.desktop.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.parley.app.desktop.viewmodel.ChatsViewModel;
import org.parley.app.desktop.viewmodel.Messenger;
import org.parley.core.account.Account;
import org.parley.core.im.ChatHistory;
import org.parley.core.im.ChatRecorder;
import org.parley.core.sip.TargetUri;

/**
 * The chat side of the core adapter: records every account's messages in the profile's history and
 * hops their events from the core's loop to the chat view-model on the UI thread. The chat shows
 * the first account's conversations.
 */
public final class CoreMessenger implements Messenger {

  private final ChatHistory history;
  private final Executor ui;
  private final List<Account> accounts = new CopyOnWriteArrayList<>();
  private volatile ChatsViewModel chatsView;

  public CoreMessenger(ChatHistory history, Executor ui) {
    this.history = history;
    this.ui = ui;
  }

  /**
   * Where events go; set before the first account is attached, or before the {@link HeldExecutor}
   * given as {@code ui} is released.
   */
  public void deliverTo(ChatsViewModel chatsViewModel) {
    chatsView = chatsViewModel;
  }

  /** Records the account's messages and passes their events on; call before it registers. */
  public void attach(Account account) {
    accounts.add(account);
    // The recorder is added first so the history holds a message before the UI hears of it.
    account.messaging().addListener(new ChatRecorder(account.addressOfRecord(), history));
    account
        .messaging()
        .addListener(
            // The view is read on the UI thread: it may be set after the first event.
            event -> ui.execute(() -> chatsView.onMessageEvent(event)));
  }

  /** Stops sending from the account (before it is removed); its history stays. */
  public void detach(Account account) {
    accounts.remove(account);
  }

  @Override
  public String account() {
    return accounts.isEmpty() ? "" : accounts.get(0).addressOfRecord();
  }

  @Override
  public String peerUri(String target) {
    return TargetUri.of(target, first().config().domain());
  }

  @Override
  public String send(String peerUri, String text) {
    return first().messaging().send(peerUri, text);
  }

  @Override
  public void sendComposing(String peerUri, boolean active) {
    if (!accounts.isEmpty()) {
      first().messaging().sendComposing(peerUri, active);
    }
  }

  private Account first() {
    if (accounts.isEmpty()) {
      throw new IllegalStateException("No account is set up");
    }
    return accounts.get(0);
  }
}
