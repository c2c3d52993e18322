package io.segmented.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwaitDiscoverTest {

  private static InputStream input(String text) {
    // as System.in is: buffered
    return new BufferedInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theHandoffThatFollowsTheLineInOneWriteIsStillThere() throws Exception {
    InputStream in =
        input(
            "DISCOVER\n" + EventCodec.encode(List.of("E", "FIXTURES_DB_PORT", "5432")) + "\nGO\n");

    assertTrue(SegmentLauncher.awaitDiscover(in));
    FixtureHandoff handoff = FixtureHandoff.read(in);
    assertEquals(Map.of("FIXTURES_DB_PORT", "5432"), handoff.env());
  }

  @Test
  void anInputThatEndsFirstIsNoDiscovery() throws Exception {
    assertFalse(SegmentLauncher.awaitDiscover(input("")));
    assertFalse(SegmentLauncher.awaitDiscover(input("DISCOVER")));
  }

  @Test
  void anotherLineIsNoDiscovery() throws Exception {
    assertFalse(SegmentLauncher.awaitDiscover(input("GO\n")));
  }
}
