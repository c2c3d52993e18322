package io.segmented.manifest;

/**
 * Where something is in a manifest, 1-based, as editors count.
 *
 * @param line the line, starting at 1
 * @param column the column, starting at 1
 */
public record Position(int line, int column) {

  /** The position of things that have no place in the file, such as defaults. */
  public static final Position NONE = new Position(0, 0);

  /**
   * The file's first character: where a problem of the whole file (empty, too large, not YAML) is
   * shown, since editors and CI annotations need a line and a column.
   */
  public static final Position START = new Position(1, 1);

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
