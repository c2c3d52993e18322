package it.shop.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.shop.support.Settings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

@Testcontainers
class CacheIT {

  @Container
  static final GenericContainer<?> REDIS =
      new GenericContainer<>(
              DockerImageName.parse(System.getProperty("shop.redis.image", "redis:7")))
          .withExposedPorts(6379);

  @BeforeAll
  static void settings() {
    Settings.check();
  }

  @Test
  void answersPing() throws Exception {
    try (Socket s = new Socket(REDIS.getHost(), REDIS.getMappedPort(6379))) {
      OutputStream out = s.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      assertEquals("+PONG", in.readLine());
    }
  }
}
