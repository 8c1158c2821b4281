package org.linli.org;

import org.linli.platform.test.EmbeddedInfrastructure;

/**
 * {@link OrgQueryPlans} on the embedded store, which answers no {@code explain}: the hot paths run (so the
 * container test's driving stays true where Docker is missing) and query the named collections.
 */
@EmbeddedInfrastructure
class OrgQueryPlansEmbeddedIT extends OrgQueryPlans {

    @Override
    void check(String... collections) {
        plans.assertRecordedOn(collections);
    }
}
