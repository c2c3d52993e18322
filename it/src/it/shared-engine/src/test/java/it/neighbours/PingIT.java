package it.neighbours;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PingIT {

  @Test
  void redisAnswers() throws Exception {
    assertEquals("+PONG", RedisPing.ping());
  }
}
