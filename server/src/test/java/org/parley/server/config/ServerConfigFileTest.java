package org.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.auth.DigestAlgorithm;

class ServerConfigFileTest {

  @TempDir Path folder;

  @Test
  void shippedFileLoadsAndEqualsTheDefaults() throws Exception {
    ServerConfigOverrides shipped = ServerConfigFile.load(shippedFile());

    assertThat(ServerConfig.resolve(shipped)).isEqualTo(ServerConfig.defaults());
    assertThat(shipped.keys())
        .doesNotContain(
            ConfigKey.DATA,
            ConfigKey.DOMAIN,
            ConfigKey.TLS_PORT,
            ConfigKey.TLS_KEYSTORE,
            ConfigKey.TLS_KEYSTORE_PASSWORD)
        .contains(ConfigKey.SIP_PORT, ConfigKey.AUTH_ALGORITHMS, ConfigKey.ECHO_MAX_SECONDS);
  }

  @Test
  void shippedFileDocumentsEveryKey() {
    String text = ServerConfigFile.defaultFileText();

    for (ConfigKey key : ConfigKey.values()) {
      assertThat(text).containsPattern("(?m)^#?" + key.key().replace(".", "\\.") + "=");
    }
  }

  @Test
  void fileSetsOnlyTheKeysItContains() throws Exception {
    Path file = write("sip.port = 5070\nauth.algorithms=md5\n");

    ServerConfigOverrides overrides = ServerConfigFile.load(file);

    assertThat(overrides.keys()).isEqualTo(Set.of(ConfigKey.SIP_PORT, ConfigKey.AUTH_ALGORITHMS));
    ServerConfig config = ServerConfig.resolve(overrides);
    assertThat(config.sipPort()).isEqualTo(5070);
    assertThat(config.tlsPort()).isEqualTo(5071);
    assertThat(config.authAlgorithms()).containsExactly(DigestAlgorithm.MD5);
  }

  @Test
  void commandLineOverridesTheFile() throws Exception {
    Path file = write("sip.port=5070\nhttp.port=9000\n");
    ServerConfigOverrides cli = ServerConfigOverrides.fromCommandLine().sipPort(5090);

    ServerConfig config = ServerConfig.resolve(ServerConfigFile.load(file), cli);

    assertThat(config.sipPort()).isEqualTo(5090);
    assertThat(config.httpPort()).isEqualTo(9000);
  }

  @Test
  void relativePathsResolveAgainstTheFilesFolder() throws Exception {
    Path file = write("data=store\ntls.keystore=certs/server.p12\ntls.keystore.password=pw\n");

    ServerConfig config = ServerConfig.resolve(ServerConfigFile.load(file));

    Path base = folder.toAbsolutePath();
    assertThat(config.dataDir()).isEqualTo(base.resolve("store"));
    assertThat(config.tlsKeyStore()).contains(base.resolve("certs/server.p12"));
    assertThat(config.tlsKeyStorePassword()).contains("pw");
  }

  @Test
  void absolutePathsStayAsWritten() throws Exception {
    Path elsewhere = folder.resolve("elsewhere").toAbsolutePath();
    Path file = write("data=" + elsewhere.toString().replace("\\", "\\\\") + "\n");

    assertThat(ServerConfig.resolve(ServerConfigFile.load(file)).dataDir()).isEqualTo(elsewhere);
  }

  @Test
  void unknownKeyIsNamedWithItsLineAndFile() throws Exception {
    Path file = write("# comment\n\nsip.prot=5060\n");

    assertThatThrownBy(() -> ServerConfigFile.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "Unknown key 'sip.prot' on line 3 of " + file.toAbsolutePath() + ". Known keys: data,")
        .hasMessageContaining("sip.port");
  }

  @Test
  void lineNumbersCountContinuationLines() throws Exception {
    Path file = write("relay.allowed-domains=a.example, \\\n    b.example\nbogus=1\n");

    assertThatThrownBy(() -> ServerConfigFile.load(file))
        .hasMessageStartingWith("Unknown key 'bogus' on line 3 of ");
  }

  @Test
  void continuationLinesJoinOneValue() throws Exception {
    Path file = write("relay.allowed-domains=A.example, \\\n    b.example\n");

    assertThat(ServerConfig.resolve(ServerConfigFile.load(file)).allowedRelayDomains())
        .containsExactly("a.example", "b.example");
  }

  @Test
  void invalidNumberNamesTheKeyAndValue() throws Exception {
    Path file = write("sip.port=5060\nregistrar.max-expires=1h\n");

    assertThatThrownBy(() -> ServerConfigFile.load(file))
        .hasMessage(
            "registrar.max-expires on line 2 of "
                + file.toAbsolutePath()
                + " must be a whole number, but it is '1h'.");
  }

  @Test
  void outOfRangeValueNamesTheFileLine() throws Exception {
    Path file = write("\nhttp.port=99999\n");

    assertThatThrownBy(() -> ServerConfig.resolve(ServerConfigFile.load(file)))
        .hasMessage(
            "http.port (--http-port) must be 0 (off) or between 1 and 65535, but it is 99999"
                + " (from line 2 of "
                + file.toAbsolutePath()
                + ").");
  }

  @Test
  void unknownAlgorithmListsTheSupportedOnes() throws Exception {
    Path file = write("auth.algorithms=SHA-256, SHA-512-256\n");

    assertThatThrownBy(() -> ServerConfigFile.load(file))
        .hasMessageContaining("unknown algorithm 'SHA-512-256'")
        .hasMessageContaining("SHA-256 and MD5");
  }

  @Test
  void duplicateKeyNamesBothLines() throws Exception {
    Path file = write("sip.port=5060\n# again\nsip.port=5070\n");

    assertThatThrownBy(() -> ServerConfigFile.load(file))
        .hasMessage(
            "Key 'sip.port' is set twice in "
                + file.toAbsolutePath()
                + ", on lines 1 and 3; keep one.");
  }

  @Test
  void emptyValueIsAnError() throws Exception {
    Path file = write("domain=\n");

    assertThatThrownBy(() -> ServerConfigFile.load(file))
        .hasMessageStartingWith("domain on line 1 of ")
        .hasMessageContaining("has no value");
  }

  @Test
  void malformedUnicodeEscapeNamesTheLine() throws Exception {
    Path file = write("sip.port=5060\ndomain=caf\\u00zz.example\n");

    assertThatThrownBy(() -> ServerConfigFile.load(file))
        .hasMessage("Line 2 of " + file.toAbsolutePath() + " has a malformed \\u escape.");
  }

  @Test
  void blanksAroundValuesAreIgnored() throws Exception {
    Path file = write("domain =  Example.ORG   \n");

    assertThat(ServerConfig.resolve(ServerConfigFile.load(file)).domain()).isEqualTo("example.org");
  }

  @Test
  void missingFileIsNamed() {
    Path missing = folder.resolve("nope.properties");

    assertThatThrownBy(() -> ServerConfigFile.load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Configuration file "
                + missing.toAbsolutePath()
                + " does not exist;"
                + " check the --config option.");
  }

  @Test
  void nonUtf8FileIsReported() throws Exception {
    Path file = folder.resolve("latin1.properties");
    Files.write(file, new byte[] {'d', 'o', 'm', 'a', 'i', 'n', '=', (byte) 0xE9, '\n'});

    assertThatThrownBy(() -> ServerConfigFile.load(file)).hasMessageContaining("is not UTF-8");
  }

  private Path write(String text) throws IOException {
    Path file = folder.resolve("server.properties");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static Path shippedFile() throws URISyntaxException {
    return Path.of(
        ServerConfigFile.class.getResource(ServerConfigFile.DEFAULT_FILE_RESOURCE).toURI());
  }
}
