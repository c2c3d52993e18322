package io.segmented.engine.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageNameTest {

  private static String kind(String text) {
    return ImageName.parse(text).map(ImageName::kind).orElse("-");
  }

  @Test
  void typedKindsByTheRepositorysLastName() {
    assertEquals("postgres", kind("postgres:16-alpine"));
    assertEquals("postgres", kind("segmented-it/postgres:15"));
    assertEquals("postgres", kind("postgis/postgis:16-3.4"));
    assertEquals("mysql", kind("mysql:8.4"));
    assertEquals("mariadb", kind("docker.io/library/mariadb:11"));
    assertEquals("redis", kind("redis:7"));
    assertEquals("wiremock", kind("wiremock/wiremock:3.13.2"));
    assertEquals("container", kind("rabbitmq:3.13-management"));
    assertEquals("container", kind("localhost:5000/acme/billing:1.4"));
    assertEquals(
        "container",
        kind("nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));
  }

  @Test
  void stringsThatOnlyLookLikeImagesAreNot() {
    assertEquals("-", kind("postgres"), "no tag");
    assertEquals("-", kind("jdbc:postgresql"));
    assertEquals("-", kind("localhost:8080"));
    assertEquals("-", kind("hh:mm"), "a generic image needs a version-like tag");
    assertEquals("-", kind("Key:Value"));
    assertEquals("-", kind("select 1"));
    assertEquals("-", kind("http://example.com:80/x"));
    assertEquals("-", kind(""));
  }

  @Test
  void repositoryAndSimpleName() {
    ImageName i = ImageName.parse("ghcr.io/acme/Billing_svc:1").orElse(null);
    assertEquals(Optional.empty(), Optional.ofNullable(i), "upper case is not a repository");
    ImageName j = ImageName.parse("ghcr.io/acme/billing_svc:1").orElseThrow();
    assertEquals("acme/billing_svc", j.repository());
    assertEquals("billing-svc", j.simpleName());
    assertEquals(
        "segmented-it/postgres",
        ImageName.parse("segmented-it/postgres:15").orElseThrow().repository());
  }
}
