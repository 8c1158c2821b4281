package org.linli.issue;

import org.linli.platform.test.ContainerInfrastructure;

/** {@link IssueQueryPlans} on real MongoDB (Testcontainers): no recorded query's winning plan is a collection scan. */
@ContainerInfrastructure
class IssueQueryPlansContainersIT extends IssueQueryPlans {

    @Override
    void check(String... collections) {
        plans.assertServedByIndexes(client, collections);
    }
}
