package io.segmented.engine.run;

import io.segmented.engine.fixture.Fixture;
import io.segmented.engine.fixture.FixtureCreator;
import io.segmented.engine.fixture.KeptFixtures;
import io.segmented.engine.fixture.SegmentScope;
import io.segmented.engine.fixture.SharedFixtures;
import io.segmented.manifest.FixtureSpec;
import io.segmented.manifest.Provider;

/**
 * Where a segment's fixtures come from besides its own start: the fixtures the run shares ({@code
 * reuse: run}) and the kept ones ({@code -Dsegment.keep}).
 */
record FixtureSources(SharedFixtures shared, KeptFixtures kept) {

  Fixture fixture(FixtureSpec spec, Provider provider, SegmentScope scope, FixtureCreator own) {
    if (shared.sharesInRun(spec.id())) {
      return shared.lease(spec, provider, scope);
    }
    if (kept.keeps(spec, provider)) {
      return kept.lease(spec, scope);
    }
    return own.create(spec, provider, scope);
  }

  /**
   * Whether the segment starts {@code spec} itself: it leases it neither from the run ({@code
   * reuse: run}) nor from an earlier build (kept).
   */
  boolean startsOwn(FixtureSpec spec, Provider provider) {
    return !shared.sharesInRun(spec.id()) && !kept.keeps(spec, provider);
  }
}
