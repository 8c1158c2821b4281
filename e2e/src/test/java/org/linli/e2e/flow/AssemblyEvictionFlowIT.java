package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.e2e.AgainstRunningStack;
import org.linli.e2e.client.Gateway;

/** Flow h (issue #16) against the running stack; see {@link AssemblyEvictionFlow}. */
@AgainstRunningStack
class AssemblyEvictionFlowIT {

    @Test
    void ownersDismissTheirCompanyByLawAndTheEvictionCitesTheDecision() {
        FlowResult result = new AssemblyEvictionFlow().run(Gateway.fromEnvironment());

        assertThat(result.lags()).containsOnlyKeys("dismissal vote closed→issue-service routes to the fallback company");
        System.out.println(result);
    }
}
