package org.linli.points;

import org.linli.platform.test.ContainerInfrastructure;

/** {@link PointsQueryPlans} on real MongoDB (Testcontainers): no recorded query's winning plan is a collection scan. */
@ContainerInfrastructure
class PointsQueryPlansContainersIT extends PointsQueryPlans {

    @Override
    void check(String... collections) {
        plans.assertServedByIndexes(client, collections);
    }
}
