package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.e2e.AgainstRunningStack;
import org.linli.e2e.client.Gateway;

/** Flow c of issue #8 against the running stack; see {@link OrgChangeFlow}. */
@AgainstRunningStack
class OrgChangeFlowIT {

    @Test
    void renamedAndMovedCommunityShowsItsNameAndNewScopeInEveryServiceThatHoldsIt() {
        FlowResult result = new OrgChangeFlow().run(Gateway.fromEnvironment());

        assertThat(result.lags()).containsOnlyKeys("rename→last copy", "move→last copy");
        System.out.println(result);
    }
}
