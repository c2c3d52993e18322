package io.segmented.engine.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a list of seed files holds, as a hash: their names, lengths and bytes, in order. Two seeded
 * databases made from the same content are the same; any change to a seed is another hash.
 */
public final class SeedContent {

  private SeedContent() {}

  /** The SHA-256 of {@code seeds}' names, lengths and bytes, in order, as hex. */
  public static String hash(List<Path> seeds) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (Path seed : seeds) {
      byte[] content = Files.readAllBytes(seed);
      sha.update(seed.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(String.valueOf(content.length).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(content);
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
