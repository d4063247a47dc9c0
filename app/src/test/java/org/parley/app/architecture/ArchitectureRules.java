package org.parley.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of ARCHITECTURE.md, as ArchUnit rules over Parley's compiled classes. */
final class ArchitectureRules {

  static final ArchRule NO_JAVAFX_OUTSIDE_APP =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.parley.app..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("javafx..")
          .because(
              "core, media-engine, server and native must run and be tested with no display;"
                  + " only the desktop app may use JavaFX");

  static final ArchRule SIP_STACK_ONLY_IN_ADAPTERS =
      noClasses()
          .that()
          .resideOutsideOfPackage("..sip.jainsip..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javax.sip..", "gov.nist..")
          .because(
              "jain-sip types stay in the adapter so the rest of the code speaks Parley's own"
                  + " SIP types and the stack can be replaced");

  static final ArchRule FFMPEG_ONLY_IN_MEDIA_ENGINE_ADAPTER =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.parley.media.ffmpeg..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.bytedeco..")
          .because("native FFmpeg bindings are confined to one package of the media engine");

  static final ArchRule ICE4J_ONLY_IN_ICE_ADAPTERS =
      noClasses()
          .that()
          .resideOutsideOfPackage("..ice..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.ice4j..")
          .because("ice4j types stay in the ICE adapter packages");

  static final ArchRule JNA_ONLY_IN_LIBOPUS_BINDING =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.parley.media.opus..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.sun.jna..")
          .because("the system libopus binding is the only native call made through JNA");

  static final ArchRule DBUS_ONLY_IN_NOTIFICATIONS =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.parley.os.notifications..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.freedesktop.dbus..")
          .because("D-Bus types stay in the desktop notification adapter");

  static final ArchRule JDBC_ONLY_IN_SQLITE_STORES =
      noClasses()
          .that()
          .resideOutsideOfPackage("..store.sqlite..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("java.sql..")
          .because(
              "stores are interfaces; SQL lives only in their SQLite implementations, so the"
                  + " server can move to PostgreSQL");

  static final ArchRule SERVER_NEVER_DEPENDS_ON_CORE =
      noClasses()
          .that()
          .resideInAPackage("org.parley.server..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.parley.core..")
          .because(
              "the server is not a client: code both need lives in media-engine or behind a"
                  + " small API of the module that owns it");

  static final ArchRule MODULES_DEPEND_ONE_WAY =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("App")
          .definedBy("org.parley.app..")
          .layer("Server")
          .definedBy("org.parley.server..")
          .layer("Native")
          .definedBy("org.parley.os..")
          .layer("Core")
          .definedBy("org.parley.core..")
          .layer("MediaEngine")
          .definedBy("org.parley.media..")
          .layer("Resources")
          .definedBy("org.parley.resources..")
          .whereLayer("App")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Server")
          .mayOnlyBeAccessedByLayers("App")
          .whereLayer("Native")
          .mayOnlyBeAccessedByLayers("App")
          .whereLayer("Core")
          .mayOnlyBeAccessedByLayers("App", "Native")
          .whereLayer("MediaEngine")
          .mayOnlyBeAccessedByLayers("App", "Core", "Native", "Server")
          .because(
              "dependencies flow one way: app → core → media-engine, native → core, server → media-engine");

  private ArchitectureRules() {}
}
