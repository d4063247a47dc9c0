package org.parley.installers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The files jpackage reads from its {@code --resource-dir} to make Parley the OS's handler of
 * {@code sip:}, {@code sips:} and {@code tel:} links: a desktop entry for Linux, an Info.plist for
 * macOS, a main WiX source for Windows (ADR 0037). The words in capitals ({@code
 * APPLICATION_LAUNCHER}, {@code DEPLOY_BUNDLE_NAME}, {@code $(var.JpAppName)}) are jpackage's own
 * placeholders, filled in when it packages.
 */
public final class UrlSchemeResources {

  /**
   * The URI schemes Parley opens: SIP and SIPS addresses (RFC 3261) and phone numbers (RFC 3966).
   */
  static final List<String> SCHEMES = List.of("sip", "sips", "tel");

  // Fixed forever, like the upgrade code: Windows Installer tracks each component by its GUID.
  private static final Map<String, String> WINDOWS_COMPONENT_GUIDS =
      Map.of(
          "sip", "3c0f6a52-8d0e-4b7a-9d6e-1f2a7c9b4e01",
          "sips", "3c0f6a52-8d0e-4b7a-9d6e-1f2a7c9b4e02",
          "tel", "3c0f6a52-8d0e-4b7a-9d6e-1f2a7c9b4e03");

  private UrlSchemeResources() {}

  /**
   * Writes the files {@code type}'s installer needs into {@code dir} (created if missing).
   *
   * @return the files written; none for a plain app image, which no OS installs
   */
  public static List<Path> write(InstallerType type, Path dir) throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    switch (type) {
      // The DEB's postinst, which updates the desktop database, is DebMaintainerScripts'.
      case DEB, RPM -> files.put(JpackagePlan.NAME + ".desktop", desktopEntry());
      case DMG -> files.put("Info.plist", infoPlist());
      case MSI -> files.put("main.wxs", mainWxs());
      case APP_IMAGE -> {
        // A plain folder: nothing registers it with the OS.
      }
      default -> throw new IllegalStateException("Unhandled installer type " + type);
    }
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      written.add(Files.writeString(dir.resolve(file.getKey()), file.getValue()));
    }
    return written;
  }

  /**
   * The freedesktop.org desktop entry: the menu item, and {@code %u} so a clicked link reaches the
   * launcher as its argument (Desktop Entry Specification, "The Exec key").
   */
  static String desktopEntry() {
    String mimeTypes =
        SCHEMES.stream()
            .map(scheme -> "x-scheme-handler/" + scheme + ";")
            .collect(Collectors.joining());
    return "[Desktop Entry]\n"
        + "Name=APPLICATION_NAME\n"
        + "Comment=APPLICATION_DESCRIPTION\n"
        + "Exec=APPLICATION_LAUNCHER %u\n"
        + "Icon=APPLICATION_ICON\n"
        + "Terminal=false\n"
        + "Type=Application\n"
        + "Categories=DEPLOY_BUNDLE_CATEGORY\n"
        + "MimeType="
        + mimeTypes
        + "\n";
  }

  /** The macOS bundle's Info.plist, with the URL types Launch Services routes to us. */
  static String infoPlist() {
    String schemes =
        SCHEMES.stream()
            .map(scheme -> "        <string>" + scheme + "</string>\n")
            .collect(Collectors.joining());
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\""
        + " \"https://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
        + "<plist version=\"1.0\">\n"
        + "  <dict>\n"
        + entry("LSMinimumSystemVersion", "10.9")
        + entry("CFBundleDevelopmentRegion", "English")
        + "    <key>CFBundleAllowMixedLocalizations</key>\n"
        + "    <true/>\n"
        + entry("CFBundleExecutable", "DEPLOY_LAUNCHER_NAME")
        + entry("CFBundleIconFile", "DEPLOY_ICON_FILE")
        + entry("CFBundleIdentifier", "DEPLOY_BUNDLE_IDENTIFIER")
        + entry("CFBundleInfoDictionaryVersion", "6.0")
        + entry("CFBundleName", "DEPLOY_BUNDLE_NAME")
        + entry("CFBundlePackageType", "APPL")
        + entry("CFBundleShortVersionString", "DEPLOY_BUNDLE_SHORT_VERSION")
        + entry("CFBundleSignature", "????")
        + entry("LSApplicationCategoryType", "public.app-category.business")
        + entry("CFBundleVersion", "DEPLOY_BUNDLE_CFBUNDLE_VERSION")
        + entry("NSHumanReadableCopyright", "DEPLOY_BUNDLE_COPYRIGHT")
        + "    <key>CFBundleURLTypes</key>\n"
        + "    <array>\n"
        + "      <dict>\n"
        + entry("CFBundleURLName", "org.parley.app.call")
        + entry("CFBundleTypeRole", "Viewer")
        + "        <key>CFBundleURLSchemes</key>\n"
        + "        <array>\n"
        + schemes
        + "        </array>\n"
        + "      </dict>\n"
        + "    </array>DEPLOY_FILE_ASSOCIATIONS\n"
        + entry("NSHighResolutionCapable", "true")
        + "  </dict>\n"
        + "</plist>\n";
  }

  private static String entry(String key, String value) {
    return "    <key>" + key + "</key>\n    <string>" + value + "</string>\n";
  }

  /**
   * The MSI's main WiX source (WiX 3 schema, which jpackage converts for newer WiX). jpackage has
   * no hook to add a component to its feature, so this replaces its main source: the same product,
   * upgrade and feature wiring from jpackage's variables and fragments, plus one registry component
   * per scheme under {@code HKMU\Software\Classes} (HKLM for a machine-wide install).
   */
  static String mainWxs() {
    StringBuilder components = new StringBuilder();
    for (String scheme : SCHEMES) {
      components
          .append("      <Component Id=\"UrlScheme_")
          .append(scheme)
          .append("\" Guid=\"")
          .append(WINDOWS_COMPONENT_GUIDS.get(scheme))
          .append("\">\n")
          .append("        <RegistryKey Root=\"HKMU\" Key=\"Software\\Classes\\")
          .append(scheme)
          .append("\">\n")
          .append("          <RegistryValue Type=\"string\" Value=\"URL:")
          .append(scheme)
          .append("\" KeyPath=\"yes\"/>\n")
          .append("          <RegistryValue Type=\"string\" Name=\"URL Protocol\" Value=\"\"/>\n")
          .append("          <RegistryKey Key=\"DefaultIcon\">\n")
          .append(
              "            <RegistryValue Type=\"string\""
                  + " Value=\"[INSTALLDIR]$(var.JpAppName).exe,0\"/>\n")
          .append("          </RegistryKey>\n")
          .append("          <RegistryKey Key=\"shell\\open\\command\">\n")
          .append(
              "            <RegistryValue Type=\"string\""
                  + " Value=\"&quot;[INSTALLDIR]$(var.JpAppName).exe&quot; &quot;%1&quot;\"/>\n")
          .append("          </RegistryKey>\n")
          .append("        </RegistryKey>\n")
          .append("      </Component>\n");
    }
    return WIX_PRODUCT.replace("URL_SCHEME_COMPONENTS\n", components.toString());
  }

  private static final String WIX_PRODUCT =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
          + "<Wix xmlns=\"http://schemas.microsoft.com/wix/2006/wi\">\n"
          + "  <?ifdef JpIsSystemWide ?>\n"
          + "    <?define ParleyScope=\"perMachine\"?>\n"
          + "  <?else?>\n"
          + "    <?define ParleyScope=\"perUser\"?>\n"
          + "  <?endif?>\n"
          + "  <?include $(var.JpConfigDir)/overrides.wxi ?>\n"
          + "  <Product Id=\"$(var.JpProductCode)\" Name=\"$(var.JpAppName)\" Language=\"1033\"\n"
          + "      Version=\"$(var.JpAppVersion)\" Manufacturer=\"$(var.JpAppVendor)\"\n"
          + "      UpgradeCode=\"$(var.JpProductUpgradeCode)\">\n"
          + "    <Package Description=\"$(var.JpAppDescription)\""
          + " Manufacturer=\"$(var.JpAppVendor)\"\n"
          + "        InstallerVersion=\"200\" Compressed=\"yes\""
          + " InstallScope=\"$(var.ParleyScope)\" Platform=\"x64\"/>\n"
          + "    <Media Id=\"1\" Cabinet=\"Data.cab\" EmbedCab=\"yes\"/>\n"
          + "    <!-- Any other Parley version is replaced: upgrades and downgrades alike. -->\n"
          + "    <MajorUpgrade AllowDowngrades=\"yes\"/>\n"
          + "    <Directory Id=\"TARGETDIR\" Name=\"SourceDir\"/>\n"
          + "    <Feature Id=\"DefaultFeature\" Title=\"!(loc.MainFeatureTitle)\" Level=\"1\">\n"
          + "      <ComponentGroupRef Id=\"Shortcuts\"/>\n"
          + "      <ComponentGroupRef Id=\"Files\"/>\n"
          + "      <ComponentGroupRef Id=\"FileAssociations\"/>\n"
          + "      <ComponentGroupRef Id=\"ParleyUrlSchemes\"/>\n"
          + "    </Feature>\n"
          + "    <CustomAction Id=\"ParleySetInstallLocation\" Property=\"ARPINSTALLLOCATION\""
          + " Value=\"[INSTALLDIR]\"/>\n"
          + "    <?ifdef JpIcon ?>\n"
          + "    <Property Id=\"ARPPRODUCTICON\" Value=\"ParleyProductIcon\"/>\n"
          + "    <Icon Id=\"ParleyProductIcon\" SourceFile=\"$(var.JpIcon)\"/>\n"
          + "    <?endif?>\n"
          + "    <UIRef Id=\"JpUI\"/>\n"
          + "    <InstallExecuteSequence>\n"
          + "      <Custom Action=\"ParleySetInstallLocation\" After=\"CostFinalize\">"
          + "Not Installed</Custom>\n"
          + "    </InstallExecuteSequence>\n"
          + "  </Product>\n"
          + "  <Fragment>\n"
          + "    <ComponentGroup Id=\"ParleyUrlSchemes\" Directory=\"INSTALLDIR\">\n"
          + "URL_SCHEME_COMPONENTS\n"
          + "    </ComponentGroup>\n"
          + "  </Fragment>\n"
          + "</Wix>\n";
}
