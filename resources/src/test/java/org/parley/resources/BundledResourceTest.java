package org.parley.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BundledResourceTest {

  @Test
  void shippedStylesheetIsReadable() {
    assertThat(BundledResource.named("css/parley.css").readText()).contains(".root");
  }

  @Test
  void missingResourceNamesThePath() {
    assertThatThrownBy(() -> BundledResource.named("sounds/nothing.wav"))
        .isInstanceOf(MissingBundledResourceException.class)
        .hasMessageContaining("sounds/nothing.wav");
  }

  @Test
  void pathsCannotEscapeTheBundle() {
    assertThatThrownBy(() -> BundledResource.named("../secret"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
