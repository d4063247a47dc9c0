package org.parley.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeHeapTrimTest {

  @TempDir Path work;

  private Path runtimeDeclaring(String javaVersion) throws IOException {
    Path runtime = Files.createDirectories(work.resolve("jre-" + javaVersion));
    Files.writeString(
        runtime.resolve("release"),
        "IMPLEMENTOR=\"Debian\"\nJAVA_VERSION=\"" + javaVersion + "\"\nMODULES=\"java.base\"\n");
    return runtime;
  }

  private static List<String> javaOptions(InstallerType type, Path runtime) {
    List<String> args =
        new JpackagePlan(
                type,
                AppVersion.fromMavenVersion("1.0.0"),
                Path.of("dist"),
                runtime,
                Path.of("out"))
            .arguments();
    return IntStream.range(0, args.size() - 1)
        .filter(i -> args.get(i).equals("--java-options"))
        .mapToObj(i -> args.get(i + 1))
        .toList();
  }

  @Test
  void onlyRuntimesWithTheOptionGetIt() {
    assertThat(NativeHeapTrim.supportedBy(Runtime.Version.parse("17.0.8"))).isFalse();
    assertThat(NativeHeapTrim.supportedBy(Runtime.Version.parse("17.0.9"))).isTrue();
    assertThat(NativeHeapTrim.supportedBy(Runtime.Version.parse("21"))).isFalse();
    assertThat(NativeHeapTrim.supportedBy(Runtime.Version.parse("21.0.1"))).isTrue();
    assertThat(NativeHeapTrim.supportedBy(Runtime.Version.parse("22"))).isTrue();
  }

  @Test
  void linuxPackagesBundlingANewEnoughRuntimeTrimTheNativeHeap() throws IOException {
    Path runtime = runtimeDeclaring("17.0.15");

    assertThat(javaOptions(InstallerType.DEB, runtime)).contains(NativeHeapTrim.OPTION);
    assertThat(javaOptions(InstallerType.RPM, runtime)).contains(NativeHeapTrim.OPTION);
    // glibc only: the trim does nothing elsewhere.
    assertThat(javaOptions(InstallerType.MSI, runtime)).doesNotContain(NativeHeapTrim.OPTION);
    assertThat(javaOptions(InstallerType.DMG, runtime)).doesNotContain(NativeHeapTrim.OPTION);
  }

  @Test
  void anOlderOrUnknownRuntimeStartsWithoutTheOption() throws IOException {
    // A JVM refuses options it does not know: such a package would not start at all.
    assertThat(javaOptions(InstallerType.DEB, runtimeDeclaring("17.0.8")))
        .doesNotContain(NativeHeapTrim.OPTION)
        .containsAll(JpackagePlan.DESKTOP_JAVA_OPTIONS);
    assertThat(javaOptions(InstallerType.DEB, work.resolve("no-release-file")))
        .doesNotContain(NativeHeapTrim.OPTION);
  }
}
