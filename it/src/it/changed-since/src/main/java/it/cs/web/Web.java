package it.cs.web;

public class Web {
  public String name() {
    return "web";
  }
}
