package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.e2e.AgainstRunningStack;
import org.linli.e2e.client.Gateway;

/** Flow m (issue #17: couriers and riders, 新就业群体) against the running stack; see {@link CourierFlow}. */
@AgainstRunningStack
class CourierFlowIT {

    @Test
    void aSelfRegisteredCourierIsVerifiedLetIntoACompoundAndCreditedForAnActivityLikeAResident() {
        FlowResult result = new CourierFlow().run(Gateway.fromEnvironment());

        assertThat(result.lags()).as("no step waits on an event it started").isEmpty();
        System.out.println(result);
    }
}
