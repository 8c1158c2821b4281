package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.e2e.AgainstRunningStack;
import org.linli.e2e.client.Gateway;

/** Flow f (issue #16) against the running stack; see {@link TrustAccountFlow}. */
@AgainstRunningStack
class TrustAccountFlowIT {

    @Test
    void ownersReadTheirTrustAccountAnOverThresholdExpenseWaitsForItsDeliberationAndNeighboursGet403() {
        FlowResult result = new TrustAccountFlow().run(Gateway.fromEnvironment());

        assertThat(result.lags()).containsOnlyKeys("expense booked→resident reads it");
        System.out.println(result);
    }
}
