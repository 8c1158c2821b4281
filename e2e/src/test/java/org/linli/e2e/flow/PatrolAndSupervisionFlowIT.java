package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.e2e.AgainstRunningStack;
import org.linli.e2e.client.Gateway;

/** Flow g (issue #16: 包保 and property supervisors) against the running stack; see {@link PatrolAndSupervisionFlow}. */
@AgainstRunningStack
class PatrolAndSupervisionFlowIT {

    @Test
    void anAssignedUnitsOverduePatrolShowsUntilPatrolledAndASupervisorsSignOffLetsTheAcceptancePass() {
        FlowResult result = new PatrolAndSupervisionFlow().run(Gateway.fromEnvironment());

        assertThat(result.lags()).containsOnlyKeys("unit registered→包保 assignable", "patrol→unit's 包保 duty",
                "compound registered→routed by its class");
        System.out.println(result);
    }
}
