package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.e2e.AgainstRunningStack;
import org.linli.e2e.client.Gateway;

/** Flow a of issue #8 against the running stack; see {@link QrReportFlow}. */
@AgainstRunningStack
class QrReportFlowIT {

    @Test
    void qrReportReachesWorkerEscalatesAndCreditsPartyMemberOnce() {
        FlowResult result = new QrReportFlow().run(Gateway.fromEnvironment());

        assertThat(result.lags()).containsOnlyKeys("report→worker sees it", "rating→property counts it",
                "rating→points credit");
        System.out.println(result);
    }
}
