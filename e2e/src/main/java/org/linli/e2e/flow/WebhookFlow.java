package org.linli.e2e.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.linli.e2e.client.Eventually;
import org.linli.e2e.client.Gateway;
import org.linli.e2e.client.Session;
import org.linli.e2e.webhook.WebhookReceiver;
import org.linli.e2e.webhook.WebhookSignature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Flow j (issue #20): a county system's signed webhook, received by an endpoint in this JVM.
 *
 * <ol>
 *   <li>Two {@link Neighbourhood}s with grids, each in its own street; a community admin of the first.</li>
 *   <li>The community admin subscribes its community to IssueClosed through the gateway (the secret is in
 *       that answer only); the county admin subscribes the whole county, as a witness of what was sent.</li>
 *   <li>The county admin records a hotline call in each neighbourhood and rejects both (IssueClosed).</li>
 *   <li>The county's endpoint receives both closings; the community's endpoint receives its own, signed with its
 *       secret within the timestamp tolerance, and not the other one; the community subscription's log shows one
 *       delivery, DELIVERED with 204. The other community's admin gets 403 on the subscription.</li>
 * </ol>
 *
 * Lag: {@code rejection→webhook received}.
 */
public final class WebhookFlow implements Flow {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String name() {
        return "j-webhooks";
    }

    @Override
    public FlowResult run(Gateway gateway) {
        Session admin = gateway.admin();
        Neighbourhood ours = Neighbourhood.withGrids(admin);
        Neighbourhood theirs = Neighbourhood.withGrids(admin);
        Session communityAdmin = People.communityAdmin(gateway, admin, ours);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonNode community = subscribe(communityAdmin, receiver.url("/community"));
            JsonNode county = subscribe(admin, receiver.url("/county"));
            String subscriptionId = community.path("subscription").path("id").asString();
            try {
                String inScope = reportInCommunity(admin, ours);
                String outside = reportInCommunity(admin, theirs);

                Lag rejection = Lag.start();
                reject(admin, inScope);
                reject(admin, outside);
                WebhookReceiver.Received received = Eventually.until("the community's endpoint receives the closing of "
                        + inScope, () -> closingOf(receiver.at("/community"), inScope), r -> r != null);
                FlowResult result = FlowResult.of(name()).lag("rejection→webhook received", rejection.elapsed()).build();

                Eventually.until("the county's endpoint receives the closing of " + outside,
                        () -> closingOf(receiver.at("/county"), outside), r -> r != null);
                assertSignedAndOnlyInScope(receiver, community.path("secret").asString(), received, outside);
                assertTheLogAndTheScope(communityAdmin, gateway, admin, theirs, subscriptionId, received);
                return result;
            } finally {
                communityAdmin.delete("/api/v1/webhook-subscriptions/" + subscriptionId);
                admin.delete("/api/v1/webhook-subscriptions/" + county.path("subscription").path("id").asString());
            }
        }
    }

    private static JsonNode subscribe(Session session, String url) {
        return session.post("/api/v1/webhook-subscriptions", Map.of("targetUrl", url,
                "eventTypes", List.of("IssueClosed"))).expect(201);
    }

    /** A hotline call in the neighbourhood, once issue-service routes it to the neighbourhood's community. */
    private static String reportInCommunity(Session admin, Neighbourhood n) {
        int[] call = {0};
        return Eventually.until("issue-service routes a report to community " + n.communityId(),
                () -> Issues.reportByHotline(admin, n, call[0]++),
                issue -> n.communityId().equals(issue.path("communityUnitId").asString(null))).path("id").asString();
    }

    private static void reject(Session admin, String issueId) {
        admin.post("/api/v1/issues/" + issueId + "/rejection", Map.of("reason", "端到端：不属于受理范围")).ok();
    }

    private static WebhookReceiver.Received closingOf(List<WebhookReceiver.Received> received, String issueId) {
        return received.stream().filter(r -> issueId.equals(JSON.readTree(r.body()).at("/payload/issueId").asString(null)))
                .findFirst().orElse(null);
    }

    private static void assertSignedAndOnlyInScope(WebhookReceiver receiver, String secret,
                                                   WebhookReceiver.Received received, String outside) {
        JsonNode event = JSON.readTree(received.body());
        assertThat(event.path("type").asString()).as("the envelope of issue.events").isEqualTo("IssueClosed");
        assertThat(WebhookSignature.verify(secret, received.timestamp(), received.body(), received.signature(),
                Instant.now())).as("signed with the subscription's secret, timestamp within tolerance").isTrue();
        assertThat(WebhookSignature.verify("whsec_wrong", received.timestamp(), received.body(), received.signature()))
                .isFalse();
        assertThat(closingOf(receiver.at("/community"), outside)).as("nothing from the other street").isNull();
    }

    private static void assertTheLogAndTheScope(Session communityAdmin, Gateway gateway, Session admin,
                                                Neighbourhood theirs, String subscriptionId,
                                                WebhookReceiver.Received received) {
        JsonNode log = Eventually.until("the delivery log shows the delivery", () -> communityAdmin.get(
                        "/api/v1/webhook-subscriptions/" + subscriptionId + "/deliveries").ok(),
                page -> Pages.contains(page.path("content"), "id", received.id())
                        && "DELIVERED".equals(page.path("content").path(0).path("status").asString()));
        assertThat(log.path("content")).hasSize(1);
        assertThat(log.path("content").path(0).path("lastResponseStatus").asInt()).isEqualTo(204);

        Session otherAdmin = People.communityAdmin(gateway, admin, theirs);
        assertThat(otherAdmin.get("/api/v1/webhook-subscriptions/" + subscriptionId).status())
                .as("another community's admin").isEqualTo(403);
    }
}
