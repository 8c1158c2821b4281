package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.e2e.AgainstRunningStack;
import org.linli.e2e.client.Gateway;

/** Flow d of issue #8 against the running stack; see {@link DualRegistrationWishFlow}. */
@AgainstRunningStack
class DualRegistrationWishFlowIT {

    @Test
    void microWishClaimedByADualRegistrationUnitIsConfirmedInIssueServiceAndRecordedOnTheUnitInOrgService() {
        FlowResult result = new DualRegistrationWishFlow().run(Gateway.fromEnvironment());

        assertThat(result.lags()).containsOnlyKeys("confirmation→org-service records it");
        System.out.println(result);
    }
}
