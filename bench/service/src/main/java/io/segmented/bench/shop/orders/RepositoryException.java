package io.segmented.bench.shop.orders;

/** A database operation failed; the message says which, the cause says why. */
public final class RepositoryException extends RuntimeException {

  public RepositoryException(String message, Throwable cause) {
    super(message + ": " + cause.getMessage(), cause);
  }
}
