package it.v;

import org.junit.jupiter.api.Test;

class RepoIT {

  @Test
  void runs() {}
}
