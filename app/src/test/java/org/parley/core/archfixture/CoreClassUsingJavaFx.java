package org.parley.core.archfixture;

import javafx.scene.Node;
import org.parley.app.cli.VersionProvider;

/** A deliberate rule breaker for ArchitectureRulesTest: core code that touches JavaFX and app. */
public final class CoreClassUsingJavaFx {

  private final Node node;

  public CoreClassUsingJavaFx(Node node) {
    this.node = node;
  }

  public boolean visible() {
    return node.isVisible();
  }

  public String appVersion() {
    return VersionProvider.version();
  }
}
