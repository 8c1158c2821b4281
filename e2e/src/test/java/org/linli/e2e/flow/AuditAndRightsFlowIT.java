package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.e2e.AgainstRunningStack;
import org.linli.e2e.client.Gateway;

/** Flow i (issue #21) against the running stack with the demo county loaded; see {@link AuditAndRightsFlow}. */
@AgainstRunningStack
class AuditAndRightsFlowIT {

    @Test
    void everyWriteIsAuditedTheDutiesStaySeparateAndAResidentSeesWhoReadTheirIdNumber() {
        FlowResult result = new AuditAndRightsFlow().run(Gateway.fromEnvironment());

        assertThat(result.lags()).containsOnlyKeys("unmasked read→resident sees it");
        System.out.println(result);
    }
}
