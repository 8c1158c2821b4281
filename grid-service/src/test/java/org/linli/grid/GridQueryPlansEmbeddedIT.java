package org.linli.grid;

import org.linli.platform.test.EmbeddedInfrastructure;

/**
 * {@link GridQueryPlans} on the embedded store, which answers no {@code explain}: the hot paths run (so the
 * container test's driving stays true where Docker is missing) and query the named collections.
 */
@EmbeddedInfrastructure
class GridQueryPlansEmbeddedIT extends GridQueryPlans {

    @Override
    void check(String... collections) {
        plans.assertRecordedOn(collections);
    }
}
