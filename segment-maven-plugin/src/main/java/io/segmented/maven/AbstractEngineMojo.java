package io.segmented.maven;

import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;

/**
 * A goal that uses the engine: the engine's jars join the plugin's realm when it first needs them
 * ({@link EngineJars}). Its class, and its subclasses, name no engine type in a field, a signature
 * or a {@code catch}: Maven links and reflects on them before they run.
 */
abstract class AbstractEngineMojo extends AbstractMojo {

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  /** This plugin: its realm, its version and the dependencies the project gives it. */
  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  protected PluginDescriptor plugin;

  /** Resolves the engine's jars once per plugin version, and the test JVMs' launcher. */
  @Inject protected RepositorySystem repositorySystem;

  /** Adds the engine's jars to the plugin's realm, unless they are there already. */
  protected EngineJars engineJars() throws MojoExecutionException {
    return EngineJars.join(plugin, session, repositorySystem, getLog());
  }
}
