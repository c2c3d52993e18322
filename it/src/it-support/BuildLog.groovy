import java.util.regex.Matcher
import java.util.regex.Pattern

/**
 * The warnings of ours a build's log must not hold, under any Maven and JDK we support: anything from SLF4J (Maven 4
 * prints "SLF4J(W): Using deprecated property ..." for a logger level set under Maven 3's name), a deprecation
 * warning, and a JVM warning about a deprecated or restricted method called from a jar the build took from the local
 * repository (the plugin and its dependencies). Maven's own jars are Maven's business: Maven 3.6.3 on JDK 25 calls
 * sun.misc.Unsafe from its lib/guava and System::load from its lib/jansi. Loaded by the verify scripts of the cases
 * that the compatibility stage (.ci/compat) runs under every supported Maven and JDK.
 */
class BuildLog {

  /** The JVM names the caller of a deprecated or restricted method, and its jar, on a line of its own. */
  static final Pattern JVM_CALLER = ~/^WARNING: .* has been called by .*\(file:([^)]*)\)$/

  /** The lines of {@code log} that are warnings of ours, each prefixed with its line number. */
  static List<String> warningsOfOurs(File log, String localRepositoryPath) {
    String repository = new File(localRepositoryPath).canonicalPath + File.separator
    List<String> found = []
    log.readLines().eachWithIndex { String line, int i ->
      Matcher caller = JVM_CALLER.matcher(line)
      boolean jvmLine = line.startsWith("WARNING: ")
      boolean ours = line.contains("SLF4J") ||
          (caller.matches() && new File(caller.group(1)).canonicalPath.startsWith(repository)) ||
          (!jvmLine && line.toLowerCase(Locale.ROOT).contains("deprecat"))
      if (ours) {
        found << "${i + 1}: ${line}"
      }
    }
    return found
  }

  static void assertNoWarningsOfOurs(File log, String localRepositoryPath) {
    List<String> found = warningsOfOurs(log, localRepositoryPath)
    assert found.isEmpty() : "${log} has warnings of ours:\n" + found.join("\n")
  }
}
