package org.linli.issue;

import org.linli.platform.test.EmbeddedInfrastructure;

/**
 * {@link IssueQueryPlans} on the embedded store, which answers no {@code explain}: the hot paths run (so the
 * container test's driving stays true where Docker is missing) and query the named collections.
 */
@EmbeddedInfrastructure
class IssueQueryPlansEmbeddedIT extends IssueQueryPlans {

    @Override
    void check(String... collections) {
        plans.assertRecordedOn(collections);
    }
}
