package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linli.e2e.AgainstRunningStack;
import org.linli.e2e.client.Gateway;

/**
 * Flow j (issue #20) against the running stack; see {@link WebhookFlow}. issue-service must be allowed to call this
 * JVM (./linli allows localhost; elsewhere set {@code LINLI_WEBHOOKS_ALLOWED_*} and {@code LINLI_E2E_WEBHOOK_HOST}).
 */
@AgainstRunningStack
class WebhookFlowIT {

    @Test
    void aCountySystemReceivesSignedClosingsOfItsOwnCommunityOnly() {
        FlowResult result = new WebhookFlow().run(Gateway.fromEnvironment());

        assertThat(result.lags()).containsOnlyKeys("rejection→webhook received");
        System.out.println(result);
    }
}
