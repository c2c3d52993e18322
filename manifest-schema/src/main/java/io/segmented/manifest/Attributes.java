package io.segmented.manifest;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The names of a fixture's connection attributes, as the manifest's contract spells them ("How
 * tests see fixtures"): tests read them as {@code fixtures.<fixture-id>.<attribute>}, and a fixture
 * interpolates them as {@code ${<attribute>}}. Every reader and writer of an attribute names it
 * here; an instance reads a fixture's attributes by name.
 */
public final class Attributes {

  /** The host name or address the fixture answers on, from the build's machine. */
  public static final String HOST = "host";

  /** The fixture's (first) port on {@link #HOST}. */
  public static final String PORT = "port";

  /** The database the tests connect to: the segment's own. */
  public static final String DATABASE = "database";

  /** The user the tests connect as. */
  public static final String USERNAME = "username";

  /** The password of {@link #USERNAME}. */
  public static final String PASSWORD = "password";

  /** A JDBC URL of {@link #DATABASE}. */
  public static final String JDBC_URL = "jdbc-url";

  /** A URL of the fixture: {@code redis://host:port/db}, {@code http://host:port}. */
  public static final String URL = "url";

  /** The prefix of a named or numbered port's attribute: {@code ports.<name>}. */
  public static final String PORTS_PREFIX = "ports.";

  /**
   * The prefix under which a {@code process} fixture's own settings refer to its ports: {@code
   * ${port.<name>}} stands for the attribute {@code ports.<name>}.
   */
  public static final String PORT_REFERENCE_PREFIX = "port.";

  private static final Set<String> NAMES =
      Set.of(HOST, PORT, DATABASE, USERNAME, PASSWORD, JDBC_URL, URL);

  private final Map<String, String> values;

  private Attributes(Map<String, String> values) {
    this.values = Objects.requireNonNull(values);
  }

  /** Reads {@code values}, a fixture's attributes by name. */
  public static Attributes of(Map<String, String> values) {
    return new Attributes(values);
  }

  /** The attribute name of the port named (process) or numbered (container) {@code name}. */
  public static String port(String name) {
    return PORTS_PREFIX + name;
  }

  /**
   * The attribute a fixture's {@code ${name}} refers to: {@code port.<name>} is {@code
   * ports.<name>}, any other name itself.
   */
  public static String referenced(String name) {
    return name.startsWith(PORT_REFERENCE_PREFIX)
        ? port(name.substring(PORT_REFERENCE_PREFIX.length()))
        : name;
  }

  /**
   * Whether {@code ${name}} may name a fixture's attribute, which only a running fixture resolves:
   * {@code host}, {@code port}, {@code jdbc-url}, {@code ports.<name>}, {@code port.<name>} and the
   * others of this class.
   */
  public static boolean isReference(String name) {
    return NAMES.contains(name)
        || name.startsWith(PORTS_PREFIX)
        || name.startsWith(PORT_REFERENCE_PREFIX);
  }

  /** The attribute {@code name}; null when the fixture has none of that name. */
  public String get(String name) {
    return values.get(name);
  }

  public String host() {
    return values.get(HOST);
  }

  public String port() {
    return values.get(PORT);
  }

  public String database() {
    return values.get(DATABASE);
  }

  public String username() {
    return values.get(USERNAME);
  }

  public String password() {
    return values.get(PASSWORD);
  }

  public String jdbcUrl() {
    return values.get(JDBC_URL);
  }

  public String url() {
    return values.get(URL);
  }
}
