package org.linli.points;

import org.linli.platform.test.EmbeddedInfrastructure;

/**
 * {@link PointsQueryPlans} on the embedded store, which answers no {@code explain}: the hot paths run (so the
 * container test's driving stays true where Docker is missing) and query the named collections.
 */
@EmbeddedInfrastructure
class PointsQueryPlansEmbeddedIT extends PointsQueryPlans {

    @Override
    void check(String... collections) {
        plans.assertRecordedOn(collections);
    }
}
