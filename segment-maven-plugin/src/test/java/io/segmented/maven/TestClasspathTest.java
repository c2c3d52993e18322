package io.segmented.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.DefaultDependencyNode;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.junit.jupiter.api.Test;

/**
 * The order of the test classpath that {@code segment:warm-up} resolves itself: the one Maven gives
 * the run goal, or the test JVMs started ahead are of another classpath and must be replaced.
 */
class TestClasspathTest {

  /** The graph {@link #levelOrdered} made. */
  private DependencyNode graph;

  private static DefaultDependencyNode node(String coordinates, DependencyNode... children) {
    DefaultDependencyNode node =
        new DefaultDependencyNode(new Dependency(new DefaultArtifact(coordinates), "test"));
    node.setChildren(List.of(children));
    return node;
  }

  private static List<String> ids(List<Dependency> dependencies) {
    return dependencies.stream().map(d -> d.getArtifact().getArtifactId()).toList();
  }

  /** The graph of run-passing's sample: two direct dependencies, each with its own. */
  private List<Dependency> levelOrdered(List<String> leaveOut) {
    DependencyNode api = node("org.junit.jupiter:junit-jupiter-api:5.14.1", node("o:opentest4j:1"));
    DependencyNode engine = node("org.junit.jupiter:junit-jupiter-engine:5.14.1");
    DependencyNode jupiter = node("org.junit.jupiter:junit-jupiter:5.14.1", api, engine);
    DependencyNode checker = node("org.checkerframework:checker-qual:3.49.5");
    DependencyNode postgres = node("org.postgresql:postgresql:42.7.8", checker);
    DefaultDependencyNode root = new DefaultDependencyNode(new DefaultArtifact("g:root:1"));
    root.setChildren(List.of(jupiter, postgres));
    graph = root;
    // as Maven 4's resolver lists them: level by level
    List<Dependency> result = new ArrayList<>();
    for (DependencyNode n :
        List.of(jupiter, postgres, api, engine, checker, api.getChildren().get(0))) {
      if (!leaveOut.contains(n.getArtifact().getArtifactId())) {
        result.add(n.getDependency());
      }
    }
    return result;
  }

  /** The artifact ids of the graph's dependencies but {@code leaveOut}, in classpath order. */
  private List<String> ordered(List<String> leaveOut) {
    List<Dependency> resolved = levelOrdered(leaveOut);
    return ids(TestClasspath.inClasspathOrder(graph, resolved));
  }

  @Test
  void eachDependencyBeforeTheNextOfItsLevel() {
    assertEquals(
        List.of(
            "junit-jupiter",
            "junit-jupiter-api",
            "opentest4j",
            "junit-jupiter-engine",
            "postgresql",
            "checker-qual"),
        ordered(List.of()));
  }

  @Test
  void onlyWhatWasResolved() {
    assertEquals(
        List.of("junit-jupiter", "opentest4j", "junit-jupiter-engine", "postgresql"),
        ordered(List.of("junit-jupiter-api", "checker-qual")));
  }

  @Test
  void withoutAGraphTheResolversOrder() {
    List<Dependency> resolved =
        List.of(
            new Dependency(new DefaultArtifact("g:b:1"), "test"),
            new Dependency(new DefaultArtifact("g:a:1"), "test"));
    assertEquals(List.of("b", "a"), ids(TestClasspath.inClasspathOrder(null, resolved)));
  }
}
