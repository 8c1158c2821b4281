package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.e2e.AgainstRunningStack;
import org.linli.e2e.client.Gateway;

/** Flow e of issue #8 against the running stack; see {@link EmergencyNoticeFlow}. */
@AgainstRunningStack
class EmergencyNoticeFlowIT {

    @Test
    void emergencyNamesTheMicroGridsWorkerAsCommanderAndItsNoticeReachesEveryHouseholdToOneHundredPercent() {
        FlowResult result = new EmergencyNoticeFlow().run(Gateway.fromEnvironment());

        assertThat(result.lags()).containsOnlyKeys("declaration→commander shown", "last acknowledgement→100 %");
        System.out.println(result);
    }
}
