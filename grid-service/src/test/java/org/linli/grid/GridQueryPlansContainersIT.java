package org.linli.grid;

import org.linli.platform.test.ContainerInfrastructure;

/** {@link GridQueryPlans} on real MongoDB (Testcontainers): no recorded query's winning plan is a collection scan. */
@ContainerInfrastructure
class GridQueryPlansContainersIT extends GridQueryPlans {

    @Override
    void check(String... collections) {
        plans.assertServedByIndexes(client, collections);
    }
}
