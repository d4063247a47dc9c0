package org.parley.app.desktop;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;

/**
 * Pictures of a window's content as PNG files, rendered by JavaFX itself at a chosen scale (2 gives
 * the pixels a 200 % display shows for the same layout).
 */
final class Snapshots {

  private Snapshots() {}

  /** Renders {@code root} at {@code scale} into {@code file}; call on the FX thread. */
  static void save(Parent root, double scale, Path file) {
    SnapshotParameters parameters = new SnapshotParameters();
    parameters.setTransform(Transform.scale(scale, scale));
    parameters.setFill(root.getScene() == null ? Color.WHITE : root.getScene().getFill());
    WritableImage image = root.snapshot(parameters, null);
    int width = (int) image.getWidth();
    int height = (int) image.getHeight();
    int[] argb = new int[width * height];
    image
        .getPixelReader()
        .getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
    BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    png.setRGB(0, 0, width, height, argb, 0, width);
    try {
      Files.createDirectories(file.getParent());
      ImageIO.write(png, "png", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + file, e);
    }
  }
}
