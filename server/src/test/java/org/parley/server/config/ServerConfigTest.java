package org.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.server.auth.DigestAlgorithm;

class ServerConfigTest {

  @Test
  void defaultsAreTheDocumentedValues() {
    ServerConfig config = ServerConfig.defaults();

    assertThat(config.dataDir()).isEqualTo(Path.of("parley-data"));
    assertThat(config.domain()).isEqualTo(ServerConfig.localHostName()).isLowerCase();
    assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
    assertThat(config.sipPort()).isEqualTo(5060);
    assertThat(config.tlsPort()).isEqualTo(5061);
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.httpBindAddress()).isEqualTo("127.0.0.1");
    assertThat(config.tlsKeyStore()).isEmpty();
    assertThat(config.tlsKeyStorePassword()).isEmpty();
    assertThat(config.minExpiresSeconds()).isEqualTo(60);
    assertThat(config.maxExpiresSeconds()).isEqualTo(3600);
    assertThat(config.defaultExpiresSeconds()).isEqualTo(3600);
    assertThat(config.nonceLifetimeSeconds()).isEqualTo(300);
    assertThat(config.authAlgorithms()).containsExactly(DigestAlgorithm.MD5);
    assertThat(config.maxMessageBytes()).isEqualTo(16384);
    assertThat(config.udpBufferBytes()).isEqualTo(4 << 20);
    assertThat(config.allowedRelayDomains()).isEmpty();
    assertThat(config.echoIdleSeconds()).isEqualTo(30);
    assertThat(config.echoMaxSeconds()).isEqualTo(600);
    assertThat(config.tlsEnabled()).isTrue();
    assertThat(config.httpEnabled()).isTrue();
  }

  @Test
  void laterLayersWin() throws ConfigException {
    ServerConfigOverrides file = new ServerConfigOverrides().sipPort(5070).domain("file.example");
    ServerConfigOverrides cli = ServerConfigOverrides.fromCommandLine().sipPort(5080);

    ServerConfig config = ServerConfig.resolve(file, cli);

    assertThat(config.sipPort()).isEqualTo(5080);
    assertThat(config.domain()).isEqualTo("file.example");
  }

  @Test
  void nullFromTheCommandLineLeavesTheLowerLayer() throws ConfigException {
    ServerConfigOverrides file = new ServerConfigOverrides().httpPort(9090);
    ServerConfigOverrides cli = ServerConfigOverrides.fromCommandLine().httpPort(null).domain(null);

    ServerConfig config = ServerConfig.resolve(file, cli);

    assertThat(config.httpPort()).isEqualTo(9090);
    assertThat(cli.keys()).isEmpty();
  }

  @Test
  void udpBufferBelowOneDatagramIsRefused() {
    assertThatThrownBy(
            () -> ServerConfig.resolve(new ServerConfigOverrides().udpBufferBytes(65535)))
        .hasMessageContaining("sip.udp-buffer-bytes must be between 65536 and 268435456");
  }

  @Test
  void tlsPortFollowsTheSipPortUnlessSet() throws ConfigException {
    assertThat(ServerConfig.resolve(new ServerConfigOverrides().sipPort(6000)).tlsPort())
        .isEqualTo(6001);
    assertThat(
            ServerConfig.resolve(new ServerConfigOverrides().sipPort(6000).tlsPort(6100)).tlsPort())
        .isEqualTo(6100);
  }

  @Test
  void httpsPortFollowsTheHttpPortUnlessSet() throws ConfigException {
    assertThat(ServerConfig.defaults().httpsPort()).isEqualTo(8081);
    assertThat(ServerConfig.resolve(new ServerConfigOverrides().httpPort(9000)).httpsPort())
        .isEqualTo(9001);
    assertThat(
            ServerConfig.resolve(new ServerConfigOverrides().httpPort(9000).httpsPort(8443))
                .httpsPort())
        .isEqualTo(8443);
  }

  @Test
  void httpOffTurnsHttpsOffUnlessHttpsIsSet() throws ConfigException {
    ServerConfig plainOff = ServerConfig.resolve(new ServerConfigOverrides().httpPort(0));
    ServerConfig httpsOnly =
        ServerConfig.resolve(new ServerConfigOverrides().httpPort(0).httpsPort(8443));

    assertThat(plainOff.httpsEnabled()).isFalse();
    assertThat(httpsOnly.httpsEnabled()).isTrue();
    assertThat(httpsOnly.httpEnabled()).isFalse();
  }

  @Test
  void httpsNeedsTheCertificateEvenWithoutSipTls() throws ConfigException {
    ServerConfig httpsOnly = ServerConfig.resolve(new ServerConfigOverrides().tlsPort(0));
    ServerConfig neither =
        ServerConfig.resolve(new ServerConfigOverrides().tlsPort(0).httpsPort(0));

    assertThat(httpsOnly.certificateNeeded()).isTrue();
    assertThat(neither.certificateNeeded()).isFalse();
  }

  @Test
  void httpsPortEqualToTheHttpPortIsRejected() {
    assertThatThrownBy(
            () ->
                ServerConfig.resolve(
                    ServerConfigOverrides.fromCommandLine().httpPort(9000).httpsPort(9000)))
        .hasMessageStartingWith(
            "https.port (--https-port) and http.port (--http-port) must differ");
  }

  @Test
  void derivedHttpsPortOnTheTlsPortIsRejected() {
    assertThatThrownBy(() -> ServerConfig.resolve(new ServerConfigOverrides().httpPort(5060 - 1)))
        .hasMessage(
            "https.port (--https-port) and sip.port (--sip-port) must differ: both are TCP ports;"
                + " https.port is 5060 (default: http.port + 1), sip.port is 5060 (default).");
  }

  @Test
  void zeroTurnsTlsAndHttpOff() throws ConfigException {
    ServerConfig config = ServerConfig.resolve(new ServerConfigOverrides().tlsPort(0).httpPort(0));

    assertThat(config.tlsEnabled()).isFalse();
    assertThat(config.httpEnabled()).isFalse();
  }

  @Test
  void sipPortOutOfRangeNamesTheOptionValueAndOrigin() {
    assertThatThrownBy(
            () -> ServerConfig.resolve(ServerConfigOverrides.fromCommandLine().sipPort(70000)))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "sip.port (--sip-port) must be between 1 and 65535,"
                + " but it is 70000 (from the command line).");
  }

  @Test
  void sipPortZeroIsRejected() {
    assertThatThrownBy(() -> ServerConfig.resolve(new ServerConfigOverrides().sipPort(0)))
        .hasMessageContaining("sip.port (--sip-port) must be between 1 and 65535");
  }

  @Test
  void derivedTlsPortOutOfRangeExplainsTheDefault() {
    assertThatThrownBy(() -> ServerConfig.resolve(new ServerConfigOverrides().sipPort(65535)))
        .hasMessage(
            "tls.port must be 0 (off) or between 1 and 65535,"
                + " but it is 65536 (default: sip.port + 1).");
  }

  @Test
  void tlsPortEqualToSipPortIsRejected() {
    assertThatThrownBy(
            () -> ServerConfig.resolve(new ServerConfigOverrides().sipPort(5070).tlsPort(5070)))
        .hasMessageStartingWith("tls.port and sip.port (--sip-port) must differ");
  }

  @Test
  void httpPortEqualToSipPortIsRejected() {
    assertThatThrownBy(() -> ServerConfig.resolve(new ServerConfigOverrides().httpPort(5060)))
        .hasMessageStartingWith("http.port (--http-port) and sip.port (--sip-port) must differ");
  }

  @Test
  void defaultExpiresOutsideMinAndMaxIsRejected() {
    assertThatThrownBy(
            () -> ServerConfig.resolve(new ServerConfigOverrides().defaultExpiresSeconds(30)))
        .hasMessage(
            "registrar.default-expires must lie between registrar.min-expires and"
                + " registrar.max-expires, but 30 (from settings made in code) is outside"
                + " 60 (default) .. 3600 (default).");
  }

  @Test
  void minExpiresAboveMaxExpiresIsRejected() {
    assertThatThrownBy(
            () ->
                ServerConfig.resolve(
                    new ServerConfigOverrides().minExpiresSeconds(600).maxExpiresSeconds(300)))
        .hasMessageStartingWith(
            "registrar.min-expires and registrar.max-expires are the wrong way round");
  }

  @Test
  void emptyAlgorithmListIsRejected() {
    assertThatThrownBy(
            () -> ServerConfig.resolve(new ServerConfigOverrides().authAlgorithms(List.of())))
        .hasMessageContaining("auth.algorithms must name at least one of SHA-256, MD5");
  }

  @Test
  void bindMustBeAnIpAddress() {
    assertThatThrownBy(
            () -> ServerConfig.resolve(ServerConfigOverrides.fromCommandLine().bindAddress("eth0")))
        .hasMessageStartingWith("bind (--bind) must be an IP address")
        .hasMessageEndingWith("but it is 'eth0' (from the command line).");
  }

  @Test
  void ipv6BindAddressIsAccepted() throws ConfigException {
    assertThat(ServerConfig.resolve(new ServerConfigOverrides().bindAddress("::")).bindAddress())
        .isEqualTo("::");
  }

  @Test
  void domainIsLowerCasedAndMayBeAnIpLiteral() throws ConfigException {
    assertThat(ServerConfig.resolve(new ServerConfigOverrides().domain("SIP.Example.COM")).domain())
        .isEqualTo("sip.example.com");

    ServerConfig byAddress = ServerConfig.resolve(new ServerConfigOverrides().domain("192.0.2.7"));
    assertThat(byAddress.domainAddress())
        .get()
        .extracting(a -> a.getHostAddress())
        .isEqualTo("192.0.2.7");
  }

  @Test
  void domainWithSpacesIsRejected() {
    assertThatThrownBy(
            () -> ServerConfig.resolve(ServerConfigOverrides.fromCommandLine().domain("my pbx")))
        .hasMessageStartingWith("domain (--domain) must be a host name");
  }

  @Test
  void passwordWithoutKeyStoreIsRejected() {
    assertThatThrownBy(
            () -> ServerConfig.resolve(new ServerConfigOverrides().tlsKeyStorePassword("secret")))
        .hasMessageStartingWith("tls.keystore.password is set but tls.keystore is not");
  }

  @Test
  void toStringMasksTheKeyStorePassword() throws ConfigException {
    ServerConfigOverrides overrides =
        new ServerConfigOverrides()
            .tlsKeyStore(Path.of("server.p12"))
            .tlsKeyStorePassword("hunter2");

    assertThat(ServerConfig.resolve(overrides).toString())
        .contains("tls.keystore.password=****")
        .doesNotContain("hunter2");
    assertThat(overrides.toString()).doesNotContain("hunter2");
  }

  @Test
  void equalSettingsMakeEqualConfigs() throws ConfigException {
    ServerConfigOverrides overrides = new ServerConfigOverrides().domain("a.example").sipPort(5070);

    assertThat(ServerConfig.resolve(overrides)).isEqualTo(ServerConfig.resolve(overrides));
    assertThat(ServerConfig.resolve(overrides).hashCode())
        .isEqualTo(ServerConfig.resolve(overrides).hashCode());
    assertThat(ServerConfig.resolve(overrides)).isNotEqualTo(ServerConfig.defaults());
  }
}
