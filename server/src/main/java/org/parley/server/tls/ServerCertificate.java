package org.parley.server.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.parley.server.config.ConfigException;
import org.parley.server.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS certificate and private key in a PKCS#12 keystore: the one configured as {@code
 * tls.keystore}, or a self-signed one generated in {@code <data>/tls/} at first start.
 *
 * <p>jain-sip takes the keystore as a file, so this exposes {@link #keyStoreFile()}, {@link
 * #keyStoreType()} and {@link #password()} beside the loaded {@link #keyStore()}.
 */
public final class ServerCertificate {

  /** The type of every keystore this class reads or writes. */
  public static final String KEY_STORE_TYPE = "PKCS12";

  /** Alias of the key entry in a generated keystore. */
  public static final String GENERATED_ALIAS = "parley-server";

  static final String TLS_FOLDER = "tls";
  static final String KEY_STORE_FILE = "server.p12";
  static final String PASSWORD_FILE = "server.p12.password";

  private static final Logger log = LoggerFactory.getLogger(ServerCertificate.class);
  private static final int PASSWORD_BYTES = 24;

  private final KeyStore keyStore;
  private final Path keyStoreFile;
  private final char[] password;
  private final String alias;
  private final X509Certificate certificate;
  private final boolean generated;

  private ServerCertificate(
      KeyStore keyStore,
      Path keyStoreFile,
      char[] password,
      String alias,
      X509Certificate certificate,
      boolean generated) {
    this.keyStore = keyStore;
    this.keyStoreFile = keyStoreFile;
    this.password = password.clone();
    this.alias = alias;
    this.certificate = certificate;
    this.generated = generated;
  }

  /**
   * Loads {@code tls.keystore} when configured; otherwise loads {@code <data>/tls/server.p12}, or
   * generates it (with its password in {@code server.p12.password}) when it does not exist yet.
   *
   * @throws ConfigException when a keystore is missing, unreadable, locked with another password or
   *     holds no private key, or the generated one cannot be written
   */
  public static ServerCertificate loadOrCreate(ServerConfig config) throws ConfigException {
    return loadOrCreate(config, KeyType.RSA_2048);
  }

  static ServerCertificate loadOrCreate(ServerConfig config, KeyType keyType)
      throws ConfigException {
    if (config.tlsKeyStore().isPresent()) {
      Path file = config.tlsKeyStore().get().toAbsolutePath();
      char[] password = config.tlsKeyStorePassword().orElse("").toCharArray();
      return open(file, password, new ConfiguredWording(file));
    }
    Path folder = config.dataDir().resolve(TLS_FOLDER).toAbsolutePath();
    Path file = folder.resolve(KEY_STORE_FILE);
    Path passwordFile = folder.resolve(PASSWORD_FILE);
    if (Files.exists(file)) {
      ServerCertificate existing =
          open(file, readPassword(file, passwordFile), new GeneratedWording(file, passwordFile));
      if (!existing.covers(config.domain(), config.domainAddress())) {
        log.warn(
            "The certificate in {} does not name the domain {}; delete {} and {} to generate a"
                + " new one",
            file,
            config.domain(),
            file,
            passwordFile);
      }
      return existing;
    }
    return generate(config, keyType, folder, file, passwordFile);
  }

  /** The loaded keystore, ready for a {@link KeyManagerFactory}. */
  public KeyStore keyStore() {
    return keyStore;
  }

  /** Absolute path of the PKCS#12 file, for jain-sip's {@code javax.net.ssl.keyStore}. */
  public Path keyStoreFile() {
    return keyStoreFile;
  }

  /** Always {@value #KEY_STORE_TYPE}. */
  public String keyStoreType() {
    return KEY_STORE_TYPE;
  }

  /** A copy of the password of the keystore and of its key; clear it after use. */
  public char[] password() {
    return password.clone();
  }

  /** The alias of the server's key entry. */
  public String alias() {
    return alias;
  }

  /** The server's certificate (the first of its chain). */
  public X509Certificate certificate() {
    return certificate;
  }

  /** SHA-256 of the certificate's DER encoding as colon-separated upper-case hex: AB:CD:... */
  public String sha256Fingerprint() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot fingerprint the server certificate", e);
    }
  }

  /** Whether this start generated the certificate, so the caller should print its fingerprint. */
  public boolean generated() {
    return generated;
  }

  /** A key manager factory initialised with the keystore and its password. */
  public KeyManagerFactory keyManagerFactory() {
    try {
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(keyStore, password);
      return factory;
    } catch (GeneralSecurityException e) {
      // open() already recovered the key with this password, so only a broken JRE lands here.
      throw new IllegalStateException("Cannot use the server's TLS key", e);
    }
  }

  /** A TLS context that presents this certificate, for HTTPS or tests. */
  public SSLContext sslContext() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagerFactory().getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This Java runtime offers no TLS", e);
    }
  }

  private static ServerCertificate open(Path file, char[] password, Wording wording)
      throws ConfigException {
    KeyStore keyStore;
    try (InputStream in = Files.newInputStream(file)) {
      keyStore = KeyStore.getInstance(KEY_STORE_TYPE);
      keyStore.load(in, password);
    } catch (NoSuchFileException e) {
      throw new ConfigException(wording.missing(), e);
    } catch (AccessDeniedException e) {
      throw new ConfigException(
          wording.name() + " cannot be read: permission denied for the server's user.", e);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new ConfigException(wording.wrongPassword(), e);
      }
      throw new ConfigException(
          wording.name() + " is not a PKCS#12 keystore or is damaged (" + e.getMessage() + ").", e);
    } catch (GeneralSecurityException e) {
      throw new ConfigException(wording.name() + " cannot be read: " + e.getMessage(), e);
    }
    try {
      List<String> keyAliases = new ArrayList<>();
      for (String alias : Collections.list(keyStore.aliases())) {
        if (keyStore.entryInstanceOf(alias, KeyStore.PrivateKeyEntry.class)) {
          keyAliases.add(alias);
        }
      }
      if (keyAliases.isEmpty()) {
        throw new ConfigException(
            wording.name()
                + " holds no private key entry; it must hold the server's certificate together"
                + " with its private key (openssl pkcs12 -export -inkey key.pem -in cert.pem"
                + " -out server.p12 makes one).");
      }
      Collections.sort(keyAliases);
      String alias = keyAliases.get(0);
      if (keyAliases.size() > 1) {
        log.warn(
            "{} holds {} private keys {}; TLS may present any of them",
            wording.name(),
            keyAliases.size(),
            keyAliases);
      }
      Key key = keyStore.getKey(alias, password);
      Certificate first = keyStore.getCertificate(alias);
      if (!(key instanceof PrivateKey) || !(first instanceof X509Certificate)) {
        throw new ConfigException(
            wording.name() + " entry '" + alias + "' is not an X.509 certificate with its key.");
      }
      X509Certificate certificate = (X509Certificate) first;
      warnIfNotCurrentlyValid(certificate, wording);
      return new ServerCertificate(keyStore, file, password, alias, certificate, false);
    } catch (UnrecoverableKeyException e) {
      throw new ConfigException(
          wording.name()
              + " locks its private key with a password other than the keystore's; re-export it"
              + " with one password for both.",
          e);
    } catch (GeneralSecurityException e) {
      throw new ConfigException(wording.name() + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static void warnIfNotCurrentlyValid(X509Certificate certificate, Wording wording) {
    try {
      certificate.checkValidity();
    } catch (CertificateExpiredException e) {
      log.warn(
          "The certificate in {} expired on {}; clients will refuse TLS",
          wording.name(),
          certificate.getNotAfter().toInstant());
    } catch (CertificateNotYetValidException e) {
      log.warn(
          "The certificate in {} is valid only from {}; check this machine's clock",
          wording.name(),
          certificate.getNotBefore().toInstant());
    }
  }

  private static char[] readPassword(Path keyStoreFile, Path passwordFile) throws ConfigException {
    try {
      return Files.readString(passwordFile, StandardCharsets.UTF_8).strip().toCharArray();
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          keyStoreFile
              + " exists but its password file "
              + passwordFile
              + " does not; delete "
              + keyStoreFile
              + " to generate a new certificate.",
          e);
    } catch (IOException e) {
      throw new ConfigException("Cannot read " + passwordFile + ": " + e.getMessage(), e);
    }
  }

  private static ServerCertificate generate(
      ServerConfig config, KeyType keyType, Path folder, Path file, Path passwordFile)
      throws ConfigException {
    SecureRandom random = new SecureRandom();
    char[] password = randomPassword(random);
    SelfSignedCertificates.Generated made;
    KeyStore keyStore;
    byte[] encoded;
    try {
      made =
          SelfSignedCertificates.generate(
              config.domain(), config.domainAddress(), keyType, random, Instant.now());
      keyStore = KeyStore.getInstance(KEY_STORE_TYPE);
      keyStore.load(null, null);
      keyStore.setKeyEntry(
          GENERATED_ALIAS,
          made.keyPair().getPrivate(),
          password,
          new Certificate[] {made.certificate()});
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      keyStore.store(out, password);
      encoded = out.toByteArray();
    } catch (GeneralSecurityException | IOException e) {
      throw new ConfigException("Cannot generate a TLS certificate: " + e.getMessage(), e);
    }
    try {
      PrivateFiles.createFolder(folder);
      // The password goes first: a keystore on disk always has its password beside it.
      PrivateFiles.writeAtomically(
          passwordFile, (new String(password) + "\n").getBytes(StandardCharsets.US_ASCII));
      PrivateFiles.writeAtomically(file, encoded);
    } catch (IOException e) {
      throw new ConfigException(
          "Cannot write the generated TLS certificate to "
              + folder
              + " ("
              + e
              + "); make the data folder writable for the server's user, or set tls.keystore.",
          e);
    }
    ServerCertificate result =
        new ServerCertificate(keyStore, file, password, GENERATED_ALIAS, made.certificate(), true);
    Arrays.fill(password, '\0');
    log.info(
        "Generated a self-signed TLS certificate for {} in {} (SHA-256 {})",
        config.domain(),
        file,
        result.sha256Fingerprint());
    return result;
  }

  private static char[] randomPassword(SecureRandom random) {
    byte[] bytes = new byte[PASSWORD_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
  }

  /** Whether the certificate's subjectAltName covers the domain, as generated ones do. */
  private boolean covers(String domain, Optional<InetAddress> address) {
    try {
      Collection<List<?>> names = certificate.getSubjectAlternativeNames();
      if (names == null) {
        return false;
      }
      for (List<?> name : names) {
        Object value = name.get(1);
        if (address.isEmpty() && Integer.valueOf(2).equals(name.get(0))) {
          if (domain.equalsIgnoreCase(String.valueOf(value))) {
            return true;
          }
        } else if (address.isPresent() && Integer.valueOf(7).equals(name.get(0))) {
          if (address.get().getHostAddress().equals(value)) {
            return true;
          }
        }
      }
      return false;
    } catch (CertificateParsingException e) {
      return false;
    }
  }

  /** How error messages name the keystore and what they tell the administrator to do. */
  private interface Wording {
    String name();

    String missing();

    String wrongPassword();
  }

  private record ConfiguredWording(Path file) implements Wording {
    @Override
    public String name() {
      return "tls.keystore " + file;
    }

    @Override
    public String missing() {
      return "tls.keystore "
          + file
          + " does not exist; correct the path, or remove tls.keystore to use a generated"
          + " self-signed certificate.";
    }

    @Override
    public String wrongPassword() {
      return "tls.keystore.password is wrong for tls.keystore " + file + "; check the password.";
    }
  }

  private record GeneratedWording(Path file, Path passwordFile) implements Wording {
    @Override
    public String name() {
      return "The generated keystore " + file;
    }

    @Override
    public String missing() {
      return "The generated keystore " + file + " disappeared while the server was reading it.";
    }

    @Override
    public String wrongPassword() {
      return "The password in "
          + passwordFile
          + " does not open "
          + file
          + "; delete both files to generate a new certificate (clients that trusted the old"
          + " one must then trust the new fingerprint).";
    }
  }
}
