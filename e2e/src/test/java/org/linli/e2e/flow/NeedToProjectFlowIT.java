package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.e2e.AgainstRunningStack;
import org.linli.e2e.client.Gateway;

/** Flow k (issue #17) against the running stack with the demo county loaded; see {@link NeedToProjectFlow}. */
@AgainstRunningStack
class NeedToProjectFlowIT {

    @Test
    void aResidentsIssueBecomesANeedMetByADualRegistrationUnitsProjectAndCountedForTheUnitsYear() {
        FlowResult result = new NeedToProjectFlow().run(Gateway.fromEnvironment());

        assertThat(result.lags()).as("every step is synchronous").isEmpty();
        System.out.println(result);
    }
}
