package it.cs.beta;

public class Beta {
  public String name() {
    return "beta";
  }
}
