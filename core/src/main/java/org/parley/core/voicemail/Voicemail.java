package org.parley.core.voicemail;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.parley.core.account.AccountConfig;
import org.parley.core.loop.EventLoop;
import org.parley.core.loop.EventLoop.Cancellable;
import org.parley.core.sip.IncomingRequest;
import org.parley.core.sip.OutgoingRequest;
import org.parley.core.sip.RegisterSession;
import org.parley.core.sip.RequestOutcome;
import org.parley.core.sip.SipUserAgent;
import org.parley.core.sip.Subscription;
import org.parley.core.sip.tls.SipTrustManager;
import org.parley.core.sip.tls.TlsTrust;
import org.parley.core.voicemail.VoicemailEvent.MessagesWaitingChanged;
import org.parley.core.voicemail.VoicemailEvent.WatchFailed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account's voicemail: the message-waiting indication from its own mailbox (RFC 3842), reported
 * as {@link VoicemailEvent}s, and {@link VoicemailClient}s for the server's visual-voicemail HTTP
 * API. Methods may be called from any thread; SIP work runs on the core's loop.
 */
public final class Voicemail {

  /** The bundled server's HTTP port unless its configuration says otherwise. */
  public static final int DEFAULT_API_PORT = 8080;

  /** The bundled server's HTTPS port unless its configuration says otherwise (HTTP + 1). */
  public static final int DEFAULT_HTTPS_API_PORT = DEFAULT_API_PORT + 1;

  static final String EVENT_PACKAGE = "message-summary";
  static final int EXPIRES_SECONDS = 3600;
  private static final Logger LOG = LoggerFactory.getLogger(Voicemail.class);
  private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

  private final AccountConfig account;
  private final SipUserAgent sip;
  private final EventLoop loop;
  private final Supplier<RegisterSession> session;
  private final List<VoicemailListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, Subscription> byCallId = new HashMap<>();
  private final Subscription.Host host = new SummaryHost();
  private Subscription current;
  private volatile MessageSummary summary = MessageSummary.EMPTY;

  public Voicemail(
      AccountConfig account, SipUserAgent sip, EventLoop loop, Supplier<RegisterSession> session) {
    this.account = account;
    this.sip = sip;
    this.loop = loop;
    this.session = session;
  }

  public void addListener(VoicemailListener listener) {
    listeners.add(listener);
  }

  public void removeListener(VoicemailListener listener) {
    listeners.remove(listener);
  }

  /** Subscribes to the account's own mailbox summary; does nothing while already subscribed. */
  public void watch() {
    loop.execute(
        () -> {
          if (current == null) {
            new Subscription(
                    host,
                    account.addressOfRecord(),
                    EVENT_PACKAGE,
                    MessageSummary.CONTENT_TYPE,
                    EXPIRES_SECONDS)
                .start();
          }
        });
  }

  /** Ends the subscription. */
  public void stopWatching() {
    loop.execute(
        () -> {
          if (current != null) {
            current.end();
          }
        });
  }

  /** The last summary the mailbox sent; {@link MessageSummary#EMPTY} before the first. */
  public MessageSummary summary() {
    return summary;
  }

  /**
   * Where the visual-voicemail API is when the account's settings name none: the first hop's host
   * (the outbound proxy, else the domain), over plain HTTP on {@value #DEFAULT_API_PORT} when that
   * is this machine, else over HTTPS on {@value #DEFAULT_HTTPS_API_PORT}.
   */
  public URI defaultApiBase() {
    String host = account.firstHop().host();
    String authority = host.contains(":") ? "[" + host + "]" : host;
    return ApiAddress.isLoopback(host)
        ? URI.create("http://" + authority + ":" + DEFAULT_API_PORT + "/")
        : URI.create("https://" + authority + ":" + DEFAULT_HTTPS_API_PORT + "/");
  }

  /** {@link #client(URI, Path, TlsTrust)} trusting the Java runtime's certificate authorities. */
  public VoicemailClient client(URI apiBase, Path cacheDirectory) {
    return client(apiBase, cacheDirectory, TlsTrust.system());
  }

  /**
   * A client for the mailbox's HTTP API at {@code apiBase}, authenticating with the account's SIP
   * credentials and keeping downloaded audio in {@code cacheDirectory}.
   *
   * <p>Over HTTPS the server's certificate is checked as for SIP over TLS: its chain against {@code
   * trust} (pass the softphone's {@link org.parley.core.SoftphoneConfig#tlsTrust()}), and its
   * identity against the account's SIP domain (RFC 5922), not against the address's host. Plain
   * HTTP is used only to this machine: requests elsewhere fail with {@link
   * VoicemailException.Reason#INSECURE} before anything is sent.
   */
  public VoicemailClient client(URI apiBase, Path cacheDirectory, TlsTrust trust) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(HTTP_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER);
    if ("https".equalsIgnoreCase(apiBase.getScheme())) {
      builder.sslContext(tlsContext(trust, apiBase));
    }
    HttpClient http = builder.build();
    return new VoicemailClient(
        apiBase,
        new BasicCredentials(account.authUser(), account.password()),
        cacheDirectory,
        http,
        HTTP_TIMEOUT);
  }

  private SSLContext tlsContext(TlsTrust trust, URI apiBase) {
    try {
      SipTrustManager manager =
          new SipTrustManager(
              trust, reason -> LOG.warn("Voicemail API {} refused: {}", apiBase, reason));
      int port = apiBase.getPort() < 0 ? 443 : apiBase.getPort();
      manager.expectDomain(account.domain(), apiBase.getHost(), port);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {manager}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This Java runtime offers no usable TLS", e);
    }
  }

  /**
   * A message-summary NOTIFY for this account (on the loop).
   *
   * @return the status to answer: 200, or 481 when no subscription of ours has its Call-ID
   */
  public int onNotify(IncomingRequest notify) {
    Subscription subscription = byCallId.get(notify.callId());
    return subscription == null ? 481 : subscription.onNotify(notify);
  }

  /** The mailbox subscription's owner side, on the loop. */
  private final class SummaryHost implements Subscription.Host {
    @Override
    public void send(OutgoingRequest request, Consumer<RequestOutcome> done) {
      sip.send(session.get(), request, done);
    }

    @Override
    public Cancellable schedule(int delaySeconds, Runnable task) {
      return loop.schedule(Duration.ofSeconds(delaySeconds), task);
    }

    @Override
    public void started(Subscription subscription) {
      byCallId.put(subscription.callId(), subscription);
      current = subscription;
    }

    @Override
    public void ended(Subscription subscription) {
      byCallId.remove(subscription.callId(), subscription);
      if (current == subscription) {
        current = null;
      }
    }

    @Override
    public void notified(IncomingRequest notify) {
      byte[] body = notify.body();
      boolean summaryBody =
          notify.contentType().map(MessageSummary.CONTENT_TYPE::equals).orElse(false);
      if (summaryBody && body.length > 0) {
        MessageSummary latest = MessageSummary.parse(body);
        summary = latest;
        emit(new MessagesWaitingChanged(latest));
      }
    }

    @Override
    public void failed(int statusCode, String reason) {
      emit(new WatchFailed(statusCode, reason));
    }
  }

  private void emit(VoicemailEvent event) {
    for (VoicemailListener listener : listeners) {
      try {
        listener.onVoicemailEvent(event);
      } catch (RuntimeException e) {
        // A failing listener (a UI adapter, say) must not keep the event from the others.
        LOG.error("A voicemail listener failed on {}", event.getClass().getSimpleName(), e);
      }
    }
  }
}
