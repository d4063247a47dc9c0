package org.parley.app.cli;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.account.AccountConfig;
import org.parley.core.account.RegistrationEvent;
import org.parley.core.account.RegistrationEvent.FailureCause;
import org.parley.core.account.RegistrationEvent.Registered;
import org.parley.core.account.RegistrationEvent.RegistrationFailed;
import org.parley.core.account.ServerAddress;
import org.parley.core.call.CallEvent;
import org.parley.core.call.CallMedia;
import org.parley.core.call.CallPolicy;
import org.parley.core.im.MessageEvent;
import org.parley.core.sip.SipException;
import org.parley.media.audio.AudioSink;
import org.parley.media.audio.AudioSource;
import org.parley.media.codec.AudioCodec;
import org.parley.media.device.AudioDeviceChoice;
import org.parley.media.device.AudioDeviceListener;
import org.parley.media.device.AudioDevices;
import org.parley.media.wav.WavFileSink;
import org.parley.media.wav.WavFileSource;

/**
 * A softphone for one headless command: registers one account and collects its call and message
 * events, so each command only says what to do with them.
 */
final class HeadlessPhone implements AutoCloseable {

  private static final int REGISTER_TIMEOUT_SECONDS = 15;
  private static final int RECORD_RATE_HZ = 16_000;
  // The desktop's device rate (DeviceAudioProvider): the CLI measures the same audio path.
  private static final int DEVICE_RATE_HZ = 48_000;

  private final Softphone softphone;
  private final Account account;
  private final BlockingQueue<CallEvent> events = new LinkedBlockingQueue<>();
  private final BlockingQueue<MessageEvent> messages = new LinkedBlockingQueue<>();

  private HeadlessPhone(Softphone softphone, Account account) {
    this.softphone = softphone;
    this.account = account;
  }

  /** Starts a softphone, registers the account and waits for the registrar's verdict. */
  static HeadlessPhone register(AccountOptions options) throws CommandFailure {
    return register(options, CallPolicy.defaults());
  }

  /**
   * As {@link #register(AccountOptions)}, with the account's call policy set first: an SRTP policy
   * starts the cipher's one-off start-up while the account registers.
   */
  static HeadlessPhone register(AccountOptions options, CallPolicy policy) throws CommandFailure {
    HeadlessPhone phone = start(options);
    phone.account.setCallPolicy(policy);
    ServerAddress server = phone.account.config().firstHop();
    BlockingQueue<RegistrationEvent> registration = new LinkedBlockingQueue<>();
    phone.account.addRegistrationListener(registration::add);
    phone.account.register();
    try {
      RegistrationEvent result = registration.poll(REGISTER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (result instanceof Registered) {
        return phone;
      }
      phone.close();
      if (result instanceof RegistrationFailed failed) {
        throw registrationFailure(failed, server);
      }
      throw new CommandFailure(
          ExitCodes.UNAVAILABLE,
          "The server at "
              + server
              + " did not answer within "
              + REGISTER_TIMEOUT_SECONDS
              + " s: check --account's host and port and that the server runs.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      phone.close();
      throw new CommandFailure(ExitCodes.FAILURE, "Interrupted while registering.");
    }
  }

  /**
   * Starts a softphone with the account but does not register it: a registered binding would draw
   * the account's stored messages to a command that is about to exit.
   */
  static HeadlessPhone start(AccountOptions options) throws CommandFailure {
    AccountConfig config = accountConfig(options);
    Softphone softphone;
    try {
      softphone = Softphone.start(SoftphoneConfig.defaults(localAddressTowards(config.firstHop())));
    } catch (SipException e) {
      throw new CommandFailure(ExitCodes.FAILURE, "Cannot start SIP: " + e.getMessage() + ".");
    }
    Account account = softphone.addAccount(config);
    HeadlessPhone phone = new HeadlessPhone(softphone, account);
    account.addCallListener(phone.events::add);
    account.messaging().addListener(phone.messages::add);
    return phone;
  }

  private static CommandFailure registrationFailure(RegistrationFailed failed, ServerAddress at) {
    if (failed.cause() == FailureCause.WRONG_CREDENTIALS) {
      return new CommandFailure(
          ExitCodes.FAILURE, failed.reason() + ": check --account and --password.");
    }
    if (failed.cause() == FailureCause.UNREACHABLE || failed.cause() == FailureCause.TIMEOUT) {
      return new CommandFailure(
          ExitCodes.UNAVAILABLE,
          failed.reason() + ": check that the server at " + at + " runs and --transport.");
    }
    return new CommandFailure(ExitCodes.FAILURE, failed.reason() + ".");
  }

  /** {@code sip:user@host[:port]}: the AoR is {@code sip:user@host}, the server host:port. */
  static AccountConfig accountConfig(AccountOptions options) throws CommandFailure {
    String uri = options.account.trim();
    int at = uri.indexOf('@');
    if (!uri.toLowerCase(Locale.ROOT).startsWith("sip:") || at < 5 || at == uri.length() - 1) {
      throw new CommandFailure(
          ExitCodes.USAGE,
          "--account must look like sip:USER@HOST[:PORT], not '" + options.account + "'.");
    }
    ServerAddress server;
    try {
      server = ServerAddress.parse(uri.substring(at + 1), options.transport().defaultPort());
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitCodes.USAGE, "--account: " + e.getMessage() + ".");
    }
    String password = options.password;
    return AccountConfig.of(
            "sip:" + uri.substring(4, at) + "@" + server.host(), password::toCharArray)
        .withTransport(options.transport())
        .withOutboundProxy(server.host() + ":" + server.port());
  }

  // The local address a packet to the server would leave from: the one SIP must advertise.
  private static String localAddressTowards(ServerAddress server) throws CommandFailure {
    try (DatagramSocket probe = new DatagramSocket()) {
      probe.connect(new InetSocketAddress(InetAddress.getByName(server.host()), server.port()));
      return probe.getLocalAddress().getHostAddress();
    } catch (UnknownHostException e) {
      throw new CommandFailure(
          ExitCodes.UNAVAILABLE, "Unknown server host " + server.host() + ": check --account.");
    } catch (IOException e) {
      throw new CommandFailure(
          ExitCodes.UNAVAILABLE, "No route to " + server + ": " + e.getMessage() + ".");
    }
  }

  /**
   * The call's audio from the options: the WAV to play, the microphone or silence; the WAV to
   * record, the speaker or nothing. {@code devices} and {@code choice} come from {@link
   * PhoneOptions#deviceChoice}, checked before the account registered.
   */
  static CallMedia media(
      PhoneOptions options,
      Path record,
      List<AudioCodec> codecs,
      AudioDevices devices,
      AudioDeviceChoice choice)
      throws CommandFailure {
    CallMedia silent = CallMedia.silent();
    AudioSource source = silent.source();
    AudioSink sink = silent.sink();
    try {
      if (options.play != null) {
        source = WavFileSource.open(options.play);
      } else if (options.microphone != null) {
        source = devices.openCapture(choice, DEVICE_RATE_HZ, AudioDeviceListener.none());
      }
      if (record != null) {
        sink = WavFileSink.create(record, RECORD_RATE_HZ, 1);
      } else if (options.speaker != null) {
        sink = devices.openCallPlayback(choice, DEVICE_RATE_HZ, AudioDeviceListener.none());
      }
    } catch (IOException e) {
      throw new CommandFailure(
          ExitCodes.FAILURE, "Cannot use the WAV file: " + e.getMessage() + ".");
    }
    CallMedia media = CallMedia.of(source, sink);
    return codecs.isEmpty() ? media : media.withCodecs(codecs);
  }

  Account account() {
    return account;
  }

  /** The next call event, or null after {@code timeoutMillis}. */
  CallEvent nextEvent(long timeoutMillis) throws InterruptedException {
    return events.poll(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /** The next message event, or null after {@code timeoutMillis}. */
  MessageEvent nextMessageEvent(long timeoutMillis) throws InterruptedException {
    return messages.poll(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    softphone.close();
  }
}
