package it.cs.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebIT {
  @Test
  void knowsItsName() {
    assertTrue(new Web().name().startsWith("web"));
  }
}
