package io.segmented.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs every segment of the module in the {@code integration-test} phase and records the results
 * without failing, failsafe-style, so that {@code post-integration-test} still runs; {@code
 * segment:verify} fails the build. As with failsafe, a {@code -Dit.test} that ran no test at all
 * fails here at once (unless {@code -Dit.failIfNoSpecifiedTests=false}).
 *
 * @since 0.1.0
 */
@Mojo(
    name = "integration-test",
    defaultPhase = LifecyclePhase.INTEGRATION_TEST,
    requiresDependencyResolution = ResolutionScope.TEST,
    threadSafe = true)
public final class IntegrationTestMojo extends AbstractRunMojo {

  @Override
  protected void executeWithManifest() throws MojoExecutionException, MojoFailureException {
    runSegments();
  }
}
