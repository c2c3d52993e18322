package io.segmented.manifest;

import java.nio.file.Path;

/**
 * The contract a boundary's two sides are checked against.
 *
 * @param format what kind of document it is; OpenAPI 3 is the only one so far, Pact files may come
 * @param path the document as the manifest names it, module-relative, for messages
 * @param document the document, resolved against the module directory
 * @param remoteRefs whether the document's {@code $ref}s to {@code http(s)} URLs are fetched; they
 *     are not unless {@code remoteRefs: true} asks, so that reading a contract reaches no network
 */
public record Contract(Format format, String path, Path document, boolean remoteRefs) {

  /** The kinds of contract document, by the key that names them in {@code contract}. */
  public enum Format {
    /** An OpenAPI 3 document for an HTTP interface: {@code contract: {openapi: path}}. */
    OPENAPI("openapi");

    private final String key;

    Format(String key) {
      this.key = key;
    }

    /** The manifest key, {@code openapi}. */
    public String key() {
      return key;
    }
  }
}
