package io.segmented.engine.contract;

/** A contract that cannot be read, or a double whose stubs or journal cannot be fetched. */
public final class ContractException extends Exception {

  public ContractException(String message) {
    super(message);
  }

  public ContractException(String message, Throwable cause) {
    super(message, cause);
  }
}
