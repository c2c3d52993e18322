package io.segmented.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixtureHandoffTest {

  private static FixtureHandoff read(String... lines) throws Exception {
    String text = String.join("\n", lines) + "\n";
    return FixtureHandoff.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void propertiesEnvironmentRestorePortAndSecretsArriveBeforeGo() throws Exception {
    FixtureHandoff handoff =
        read(
            EventCodec.encode(List.of("P", "fixtures.db.password", "pässwörd\tünï")),
            EventCodec.encode(List.of("E", "FIXTURES_DB_PORT", "5432")),
            EventCodec.encode(List.of("R", "4711", "token-1")),
            EventCodec.encode(List.of("S", "pässwörd\tünï")),
            "GO");

    assertEquals(Map.of("fixtures.db.password", "pässwörd\tünï"), handoff.properties());
    assertEquals(Map.of("FIXTURES_DB_PORT", "5432"), handoff.env());
    assertEquals(4711, handoff.restorePort());
    assertEquals("token-1", handoff.restoreToken());
    assertEquals(List.of("pässwörd\tünï"), handoff.secrets());
  }

  @Test
  void anInputThatEndsBeforeGoIsNoHandoff() throws Exception {
    assertNull(read(EventCodec.encode(List.of("S", "secret-1"))));
  }
}
