package io.segmented.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

  @Test
  void theLongestSecretIsMaskedFirstSoOneThatHoldsAnotherIsMaskedWhole() {
    SecretMask mask = SecretMask.of(List.of("secret", "my-secret-key", "", "secret"));

    assertEquals(List.of("my-secret-key", "secret"), mask.values(), "no empty or double value");
    assertEquals("key **** and ****", mask.apply("key my-secret-key and secret"));
    assertTrue(mask.hides("a secret"));
    assertFalse(mask.hides("nothing to hide"));
    assertNull(mask.apply(null));
    assertEquals("as is", SecretMask.NONE.apply("as is"));
  }
}
