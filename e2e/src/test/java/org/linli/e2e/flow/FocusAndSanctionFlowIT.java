package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.e2e.AgainstRunningStack;
import org.linli.e2e.client.Gateway;

/** Flow b of issue #8 against the running stack; see {@link FocusAndSanctionFlow}. */
@AgainstRunningStack
class FocusAndSanctionFlowIT {

    @Test
    void complaintsPutCompoundOnFocusListYellowCardCautionsCompanyEvictionHandsOverToFallbackAtOnce() {
        FlowResult result = new FocusAndSanctionFlow().run(Gateway.fromEnvironment());

        assertThat(result.lags()).containsOnlyKeys("6th report→focus list", "yellow card→caution list",
                "eviction→issue-service routes to the fallback company");
        System.out.println(result);
    }
}
