package io.segmented.manifest;

import java.nio.file.Path;

/**
 * One thing wrong with a manifest, where it is and how to fix it.
 *
 * @param file the manifest file
 * @param position where in it; {@link Position#NONE} for problems of the whole file
 * @param message what is wrong and how to fix it, as a sentence or two
 */
public record Problem(Path file, Position position, String message) {

  /** {@code segments.yaml:12:5: unknown key 'fixture'. Did you mean 'fixtures'?} */
  public String format() {
    String name = file.getFileName().toString();
    return position.equals(Position.NONE)
        ? name + ": " + message
        : name + ":" + position + ": " + message;
  }
}
