package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.e2e.AgainstRunningStack;
import org.linli.e2e.client.Gateway;

/** Flow l (issue #17: 矛盾纠纷前置调解) against the running stack; see {@link MediationFirstFlow}. */
@AgainstRunningStack
class MediationFirstFlowIT {

    @Test
    void aDisputeTheWorkerCannotSettleIsReferredRoutedBackToTheirGridClosedAndCountedInTheSuccessRates() {
        FlowResult result = new MediationFirstFlow().run(Gateway.fromEnvironment());

        assertThat(result.lags()).containsOnlyKeys("referral→property lists it");
        System.out.println(result);
    }
}
