package io.segmented.engine.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassConstantsTest {

  @TempDir Path dir;

  @Test
  void readsStringConstantsAndClassReferencesPastEightByteConstants() throws Exception {
    Path classes =
        Compiled.classes(
            dir,
            Map.of(
                "a.Holder",
                """
                package a;
                public class Holder {
                  public static String image() { return "postgres:16-alpine"; }
                }
                """,
                "a.b.OrdersIT",
                """
                package a.b;
                public class OrdersIT {
                  static final long BIG = System.nanoTime() > 0 ? 123456789012L : 2L;
                  static final double RATIO = Math.random() > 2 ? 3.5d : 1.25d;
                  String name() { return "redis:7" + BIG + RATIO + a.Holder.image(); }
                  Runnable later() { return () -> System.out.println("ünïcode"); }
                }
                """));

    ClassConstants it = ClassConstants.read(classes.resolve("a/b/OrdersIT.class"));

    assertEquals("a.b.OrdersIT", it.className());
    assertTrue(it.strings().contains("redis:7"), "a concatenation's constant part");
    assertTrue(it.strings().contains("ünïcode"), it.strings().toString());
    assertTrue(it.classRefs().contains("a.Holder"), it.classRefs().toString());
    assertTrue(!it.classRefs().contains("a.b.OrdersIT"), "itself is left out");
    assertEquals(
        Set.of("postgres:16-alpine"),
        ClassConstants.read(classes.resolve("a/Holder.class")).strings());
  }

  @Test
  void aFileThatIsNotAClassIsAnError() throws Exception {
    Path file = dir.resolve("Broken.class");
    Files.writeString(file, "not a class");
    IOException e = assertThrows(IOException.class, () -> ClassConstants.read(file));
    assertEquals(file + " is not a class file", e.getMessage());
  }
}
