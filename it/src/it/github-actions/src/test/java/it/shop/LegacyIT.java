package it.shop;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

@Disabled("replaced by RulesIT")
class LegacyIT {

  @Test
  void oldRules() {}
}
