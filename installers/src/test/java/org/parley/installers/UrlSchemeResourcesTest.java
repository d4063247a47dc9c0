package org.parley.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The link-handler files each installer gets, read back as the OS would read them. */
class UrlSchemeResourcesTest {

  @TempDir Path dir;

  @Test
  void debDesktopEntryHandlesSipSipsAndTelLinksAndPassesTheLinkToTheLauncher() throws Exception {
    List<Path> written = UrlSchemeResources.write(InstallerType.DEB, dir);

    assertThat(written)
        .extracting(path -> path.getFileName().toString())
        .containsExactly("Parley.desktop");
    Map<String, String> entry = desktopEntry(Files.readString(dir.resolve("Parley.desktop")));
    assertThat(entry.get("Type")).isEqualTo("Application");
    assertThat(entry.get("Exec")).isEqualTo("APPLICATION_LAUNCHER %u");
    assertThat(entry.get("MimeType").split(";"))
        .containsExactly("x-scheme-handler/sip", "x-scheme-handler/sips", "x-scheme-handler/tel");
    // jpackage's own template keys stay, so its substitutions still apply.
    assertThat(entry)
        .containsKeys("Name", "Comment", "Icon", "Terminal", "Categories")
        .containsEntry("Name", "APPLICATION_NAME");
  }

  @Test
  void rpmGetsTheSameDesktopEntry() throws Exception {
    assertThat(UrlSchemeResources.write(InstallerType.RPM, dir))
        .extracting(path -> path.getFileName().toString())
        .containsExactly("Parley.desktop");
  }

  @Test
  void dmgInfoPlistDeclaresTheThreeUrlSchemes() throws Exception {
    UrlSchemeResources.write(InstallerType.DMG, dir);
    Document plist = parse(Files.readString(dir.resolve("Info.plist")));

    Element top = firstChild(plist.getDocumentElement(), "dict");
    assertThat(valueOf(top, "CFBundleExecutable").getTextContent())
        .isEqualTo("DEPLOY_LAUNCHER_NAME");
    assertThat(valueOf(top, "CFBundleIdentifier").getTextContent())
        .isEqualTo("DEPLOY_BUNDLE_IDENTIFIER");
    Element urlTypes = valueOf(top, "CFBundleURLTypes");
    assertThat(urlTypes.getTagName()).isEqualTo("array");
    Element urlType = firstChild(urlTypes, "dict");
    assertThat(valueOf(urlType, "CFBundleURLName").getTextContent())
        .isEqualTo("org.parley.app.call");
    assertThat(texts(valueOf(urlType, "CFBundleURLSchemes"), "string"))
        .containsExactly("sip", "sips", "tel");
    assertThat(top.getTextContent()).contains("DEPLOY_FILE_ASSOCIATIONS");
  }

  @Test
  void msiRegistersEachSchemeAsAUrlProtocolOpenedByTheLauncher() throws Exception {
    UrlSchemeResources.write(InstallerType.MSI, dir);
    Document wxs = parse(Files.readString(dir.resolve("main.wxs")));

    Element feature = byId(wxs, "Feature", "DefaultFeature");
    assertThat(ids(feature, "ComponentGroupRef"))
        .containsExactly("Shortcuts", "Files", "FileAssociations", "ParleyUrlSchemes");
    Element group = byId(wxs, "ComponentGroup", "ParleyUrlSchemes");
    assertThat(group.getAttribute("Directory")).isEqualTo("INSTALLDIR");
    NodeList components = group.getElementsByTagName("Component");
    assertThat(components.getLength()).isEqualTo(3);
    List<String> keys = new ArrayList<>();
    List<UUID> guids = new ArrayList<>();
    for (int i = 0; i < components.getLength(); i++) {
      Element component = (Element) components.item(i);
      guids.add(UUID.fromString(component.getAttribute("Guid")));
      Element key = firstChild(component, "RegistryKey");
      assertThat(key.getAttribute("Root")).isEqualTo("HKMU");
      keys.add(key.getAttribute("Key"));
      assertThat(namedValues(key))
          .containsEntry(
              "", "URL:" + key.getAttribute("Key").substring("Software\\Classes\\".length()))
          .containsEntry("URL Protocol", "");
      Element command = (Element) key.getElementsByTagName("RegistryKey").item(1);
      assertThat(command.getAttribute("Key")).isEqualTo("shell\\open\\command");
      assertThat(namedValues(command))
          .containsEntry("", "\"[INSTALLDIR]$(var.JpAppName).exe\" \"%1\"");
    }
    assertThat(keys)
        .containsExactly(
            "Software\\Classes\\sip", "Software\\Classes\\sips", "Software\\Classes\\tel");
    assertThat(guids).doesNotHaveDuplicates();
  }

  @Test
  void anAppImageGetsNoResources() throws Exception {
    assertThat(UrlSchemeResources.write(InstallerType.APP_IMAGE, dir)).isEmpty();
  }

  private static Map<String, String> desktopEntry(String text) {
    Map<String, String> entry = new LinkedHashMap<>();
    String[] lines = text.split("\n");
    assertThat(lines[0]).isEqualTo("[Desktop Entry]");
    for (int i = 1; i < lines.length; i++) {
      int equals = lines[i].indexOf('=');
      assertThat(equals).as("key=value: %s", lines[i]).isPositive();
      assertThat(entry.put(lines[i].substring(0, equals), lines[i].substring(equals + 1)))
          .as("a key given twice: %s", lines[i])
          .isNull();
    }
    return entry;
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    // The plist's DOCTYPE names Apple's DTD: well-formedness is checked, nothing is fetched.
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** In a plist dict, the element after {@code <key>name</key>}. */
  private static Element valueOf(Element dict, String name) {
    List<Element> children = children(dict);
    for (int i = 0; i + 1 < children.size(); i++) {
      if (children.get(i).getTagName().equals("key")
          && children.get(i).getTextContent().equals(name)) {
        return children.get(i + 1);
      }
    }
    throw new AssertionError("No key " + name);
  }

  private static Element firstChild(Element parent, String tag) {
    return children(parent).stream()
        .filter(child -> child.getTagName().equals(tag))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No <" + tag + "> in <" + parent.getTagName() + ">"));
  }

  private static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        elements.add(element);
      }
    }
    return elements;
  }

  private static List<String> texts(Element parent, String tag) {
    return children(parent).stream()
        .filter(child -> child.getTagName().equals(tag))
        .map(Element::getTextContent)
        .toList();
  }

  private static Element byId(Document document, String tag, String id) {
    NodeList nodes = document.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      Element element = (Element) nodes.item(i);
      if (element.getAttribute("Id").equals(id)) {
        return element;
      }
    }
    throw new AssertionError("No <" + tag + " Id=\"" + id + "\">");
  }

  private static List<String> ids(Element parent, String tag) {
    return children(parent).stream()
        .filter(child -> child.getTagName().equals(tag))
        .map(child -> child.getAttribute("Id"))
        .toList();
  }

  /** The key's own values by name ("" for its default value). */
  private static Map<String, String> namedValues(Element key) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Element child : children(key)) {
      if (child.getTagName().equals("RegistryValue")) {
        values.put(child.getAttribute("Name"), child.getAttribute("Value"));
      }
    }
    return values;
  }
}
