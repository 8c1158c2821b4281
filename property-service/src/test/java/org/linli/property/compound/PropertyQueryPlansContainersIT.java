package org.linli.property.compound;

import org.linli.platform.test.ContainerInfrastructure;

/** {@link PropertyQueryPlans} on real MongoDB (Testcontainers): no recorded query's winning plan is a collection scan. */
@ContainerInfrastructure
class PropertyQueryPlansContainersIT extends PropertyQueryPlans {

    @Override
    void check(String... collections) {
        plans.assertServedByIndexes(client, collections);
    }
}
