package io.segmented.engine.run;

import io.segmented.engine.fixture.FixtureCreator;
import io.segmented.engine.fixture.Janitor;
import io.segmented.engine.fork.JvmLauncher;

/**
 * What a run talks to the outside world through.
 *
 * @param fixtures makes each segment's own fixtures
 * @param jvms starts the segments' test JVMs
 * @param janitor the segments' networks, and removing what runs leave behind
 */
record Ports(FixtureCreator fixtures, JvmLauncher jvms, Janitor janitor) {}
