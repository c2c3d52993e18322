package io.segmented.bench.shop.catalog;

/** The catalogue service answered with an error, or not in time. */
public final class CatalogException extends RuntimeException {

  private final int status;

  public CatalogException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status, or 0 when there was no answer. */
  public int status() {
    return status;
  }
}
