package org.linli.org;

import org.linli.platform.test.ContainerInfrastructure;

/** {@link OrgQueryPlans} on real MongoDB (Testcontainers): no recorded query's winning plan is a collection scan. */
@ContainerInfrastructure
class OrgQueryPlansContainersIT extends OrgQueryPlans {

    @Override
    void check(String... collections) {
        plans.assertServedByIndexes(client, collections);
    }
}
