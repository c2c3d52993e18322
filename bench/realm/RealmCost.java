import io.segmented.report.ReportsDirectory;
import io.segmented.results.ResultsFiles;
import io.segmented.results.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.testcontainers.DockerClientFactory;

/**
 * What the plugin's realm does in a kept rerun besides the tests, in a JVM of its own (bench/realm-cost): the
 * Testcontainers client and a few rounds of the calls a run makes, the manifest's YAML, the results file read and
 * written, the HTML report rendered, the PostgreSQL driver loaded. Prints the time of each step.
 *
 * <p>usage: java -cp … RealmCost WORK_DIR MANIFEST (WORK_DIR holds a segment-results.json)
 */
public final class RealmCost {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path manifest = Path.of(args[1]);
    long t0 = System.nanoTime();
    var client = DockerClientFactory.instance().client();
    for (int i = 0; i < 3; i++) {
      client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("io.segmented.run-id", "")).exec();
      client.listVolumesCmd().exec();
      client.listImagesCmd().exec();
    }
    long t1 = System.nanoTime();
    new org.yaml.snakeyaml.Yaml().load(Files.readString(manifest));
    RunResult run = ResultsFiles.read(dir);
    ResultsFiles.write(dir, run);
    long t2 = System.nanoTime();
    ReportsDirectory.write(dir, ReportsDirectory.model(dir, run));
    long t3 = System.nanoTime();
    new org.postgresql.Driver();
    long t4 = System.nanoTime();
    System.out.printf(
        "docker %d ms, yaml and results %d ms, report %d ms, jdbc driver %d ms%n",
        ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3));
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
