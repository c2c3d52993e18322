package io.segmented.manifest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The kind of a fixture and the settings that kind takes. Exactly one kind key per fixture. */
public sealed interface FixtureKind
    permits FixtureKind.Database,
        FixtureKind.Redis,
        FixtureKind.Wiremock,
        FixtureKind.Container,
        FixtureKind.Process {

  /** The kind key as written in the manifest: {@code postgres}, {@code container}, ... */
  String key();

  /** Whether this kind takes {@code seed} scripts in a data scope. */
  default boolean seedable() {
    return false;
  }

  /**
   * The SQL databases; {@code database}, {@code username} and {@code password} are what tests
   * connect as.
   */
  record Database(
      Engine engine,
      String image,
      String database,
      String username,
      String password,
      Provider provider,
      Duration startupTimeout)
      implements FixtureKind {
    @Override
    public String key() {
      return engine.key;
    }

    @Override
    public boolean seedable() {
      return true;
    }

    /**
     * The SQL servers the manifest knows, with their default image and how long a start may take
     * when the manifest sets no {@code startupTimeout} (MySQL and MariaDB initialise their data
     * directory more slowly than PostgreSQL).
     */
    public enum Engine {
      POSTGRES("postgres", "postgres:16-alpine", Duration.ofSeconds(60)),
      MYSQL("mysql", "mysql:8.4", Duration.ofSeconds(90)),
      MARIADB("mariadb", "mariadb:11", Duration.ofSeconds(90));

      private final String key;
      private final String defaultImage;
      private final Duration defaultStartupTimeout;

      Engine(String key, String defaultImage, Duration defaultStartupTimeout) {
        this.key = key;
        this.defaultImage = defaultImage;
        this.defaultStartupTimeout = defaultStartupTimeout;
      }

      public String key() {
        return key;
      }

      public String defaultImage() {
        return defaultImage;
      }

      public Duration defaultStartupTimeout() {
        return defaultStartupTimeout;
      }
    }
  }

  /** Redis. */
  record Redis(String image, Provider provider, Duration startupTimeout) implements FixtureKind {
    /** The image used when the manifest names none. */
    public static final String DEFAULT_IMAGE = "redis:7-alpine";

    /** How long a start may take when the manifest sets no {@code startupTimeout}. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(30);

    @Override
    public String key() {
      return "redis";
    }
  }

  /** A WireMock HTTP double serving stub mappings. */
  record Wiremock(Path mappings, String image, Provider provider, Duration startupTimeout)
      implements FixtureKind {
    /** The image used when the manifest names none. */
    public static final String DEFAULT_IMAGE = "wiremock/wiremock:3.13.1";

    /** How long a start may take when the manifest sets no {@code startupTimeout}. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String key() {
      return "wiremock";
    }
  }

  /** Any image. */
  record Container(
      String image,
      List<Integer> ports,
      Map<String, String> env,
      List<String> command,
      Map<Path, String> files,
      List<String> tmpfs,
      Wait readiness,
      Duration startupTimeout)
      implements FixtureKind {
    public Container {
      ports = List.copyOf(ports);
      env = Map.copyOf(env);
      command = List.copyOf(command);
      files = Map.copyOf(files);
      tmpfs = List.copyOf(tmpfs);
    }

    @Override
    public String key() {
      return "container";
    }
  }

  /** Any local command. */
  record Process(
      List<String> command,
      Path workdir,
      Map<String, String> env,
      List<String> ports,
      Wait readiness,
      Duration startupTimeout)
      implements FixtureKind {
    public Process {
      command = List.copyOf(command);
      env = Map.copyOf(env);
      ports = List.copyOf(ports);
    }

    @Override
    public String key() {
      return "process";
    }
  }

  /** The readiness condition of a generic fixture. */
  sealed interface Wait {
    /** A port accepts connections; a container port number, or a process port name. */
    record Port(String port) implements Wait {}

    /** The output matched a regular expression {@code times} times. */
    record Log(String regex, int times) implements Wait {}

    /** An HTTP GET answered with the status. */
    record Http(String port, String path, int status) implements Wait {}

    /** A command run inside the container exited 0. */
    record Command(List<String> command) implements Wait {
      public Command {
        command = List.copyOf(command);
      }
    }

    /** The image's own health check reports healthy. */
    record Healthcheck() implements Wait {}
  }
}
