package it.cs.alpha;

public class Alpha {
  public String name() {
    return "alpha";
  }
}
