package io.segmented.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs every segment of the module from the command line ({@code mvn segment:run}): compiles the
 * tests first if needed, runs each segment with its own fixtures and test JVM, writes results, and
 * fails the build if a segment failed.
 *
 * @since 0.1.0
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
// the "segment" lifecycle (META-INF/maven/lifecycle.xml): segment:warm-up at its start
@Execute(phase = LifecyclePhase.TEST_COMPILE, lifecycle = "segment")
public final class RunMojo extends AbstractRunMojo {

  @Override
  protected boolean judges() {
    return true;
  }

  @Override
  protected void executeWithManifest() throws MojoExecutionException, MojoFailureException {
    runSegments();
  }
}
