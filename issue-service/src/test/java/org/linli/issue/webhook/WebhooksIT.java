package org.linli.issue.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.linli.issue.Seeds.admin;
import static org.linli.issue.Seeds.caller;
import static org.linli.issue.Seeds.otherCommunityAdmin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.issue.MutableClock;
import org.linli.issue.Seeds;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end inside the service: issues through the API, their events through the embedded Kafka into
 * the webhook consumer group, deliveries sent to a local HTTP subscriber by the sender (driven by hand here, with
 * the clock moved past each backoff).
 */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=webhooks-it-${random.uuid}",
        "linli.issue.sweep.enabled=false", "linli.issue.qr.secret=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "linli.issue.grid-service.url=http://127.0.0.1:9", "linli.webhooks.sender-enabled=false",
        "linli.webhooks.allowed-schemes=http", "linli.webhooks.allowed-hosts=127.0.0.1",
        "linli.webhooks.first-retry=1s", "linli.webhooks.max-retry=2s"})
@AutoConfigureMockMvc
@EmbeddedInfrastructure
@Import(MutableClock.Config.class)
class WebhooksIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Subscriber SUBSCRIBER = new Subscriber();
    private static final RequestPostProcessor COUNTY = caller("COUNTY_ADMIN", null, "county-admin");
    /** A point outside every grid: the report goes to the county queue, in no community. */
    private static final double OUTSIDE_LAT = 10.0;
    private static final double OUTSIDE_LNG = 10.0;

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MutableClock clock;
    @Autowired
    WebhookSender sender;

    @BeforeEach
    void copiesKnowTheCommunity() {
        Seeds.replay(kafka, mongo);
    }

    @AfterAll
    static void stopSubscriber() {
        SUBSCRIBER.close();
    }

    @Test
    void anIssueClosedInTheScopeIsDeliveredSignedAndOneOutsideIsNot() throws Exception {
        JsonNode community = subscribe(admin(), "/community", "IssueClosed");
        JsonNode county = subscribe(COUNTY, "/county", "IssueClosed");
        String secret = community.get("secret").asString();
        String inScope = report(Seeds.LAT, Seeds.LNG);
        String outside = report(OUTSIDE_LAT, OUTSIDE_LNG);

        reject(inScope);
        reject(outside);
        awaitDeliveries(id(county), 2);
        awaitDeliveries(id(community), 1);
        sender.sendDue();

        List<Subscriber.Received> received = SUBSCRIBER.at("/community");
        assertThat(received).hasSize(1);
        Subscriber.Received delivery = received.get(0);
        JsonNode body = JSON.readTree(delivery.body());
        assertThat(body.get("type").asString()).isEqualTo("IssueClosed");
        assertThat(body.at("/payload/issueId").asString()).isEqualTo(inScope);
        assertThat(body.has("eventId")).as("the published envelope").isTrue();
        assertThat(delivery.signature())
                .isEqualTo(WebhookSignature.sign(secret, Long.parseLong(delivery.timestamp()), delivery.body()));
        assertThat(SUBSCRIBER.at("/county")).extracting(r -> JSON.readTree(r.body()).at("/payload/issueId").asString())
                .containsExactlyInAnyOrder(inScope, outside);
        mvc.perform(get("/api/v1/webhook-subscriptions/{id}/deliveries", id(community)).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content.length()").value(1))
                .andExpect(jsonPath("$.content[0].id").value(delivery.id()))
                .andExpect(jsonPath("$.content[0].status").value("DELIVERED"))
                .andExpect(jsonPath("$.content[0].lastResponseStatus").value(200));
    }

    @Test
    void pausesAfterFiveFailuresInARowAndDeliversAgainOnceResumedAndRedelivered() throws Exception {
        String subscription = id(subscribe(admin(), "/flaky", "IssueReported"));
        SUBSCRIBER.answer("/flaky", 503);
        report(Seeds.LAT, Seeds.LNG);
        awaitDeliveries(subscription, 1);

        for (int attempt = 0; attempt < 5; attempt++) {
            sender.sendDue();
            clock.advance(Duration.ofSeconds(5));
        }
        sender.sendDue();

        assertThat(SUBSCRIBER.at("/flaky")).as("no sixth attempt while paused").hasSize(5);
        mvc.perform(get("/api/v1/webhook-subscriptions/{id}", subscription).with(admin()))
                .andExpect(jsonPath("$.status").value("PAUSED"))
                .andExpect(jsonPath("$.consecutiveFailures").value(5));
        String delivery = JSON.readTree(mvc.perform(get("/api/v1/webhook-subscriptions/{id}/deliveries", subscription)
                        .with(admin()))
                .andExpect(jsonPath("$.content[0].status").value("HELD"))
                .andExpect(jsonPath("$.content[0].attemptCount").value(5))
                .andExpect(jsonPath("$.content[0].attempts[4].responseStatus").value(503))
                .andReturn().getResponse().getContentAsString()).at("/content/0/id").asString();
        mvc.perform(post("/api/v1/webhook-subscriptions/{id}/deliveries/{d}/redelivery", subscription, delivery)
                        .with(admin()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("subscription-paused"));

        SUBSCRIBER.answer("/flaky", 200);
        mvc.perform(post("/api/v1/webhook-subscriptions/{id}/resumption", subscription).with(admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
        sender.sendDue();
        mvc.perform(post("/api/v1/webhook-subscriptions/{id}/deliveries/{d}/redelivery", subscription, delivery)
                        .with(admin()))
                .andExpect(status().isAccepted());
        sender.sendDue();

        assertThat(SUBSCRIBER.at("/flaky")).hasSize(7).extracting(Subscriber.Received::id).containsOnly(delivery);
        mvc.perform(get("/api/v1/webhook-subscriptions/{id}/deliveries", subscription).with(admin()))
                .andExpect(jsonPath("$.content[0].status").value("DELIVERED"))
                .andExpect(jsonPath("$.content[0].attemptCount").value(7))
                .andExpect(jsonPath("$.content[0].lastResponseStatus").value(200));
    }

    @Test
    void anotherCommunitysAdminCannotSeeOrChangeTheSubscription() throws Exception {
        String subscription = id(subscribe(admin(), "/private", "IssueResolved"));

        mvc.perform(get("/api/v1/webhook-subscriptions/{id}", subscription).with(otherCommunityAdmin()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/webhook-subscriptions/{id}/deliveries", subscription).with(otherCommunityAdmin()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/webhook-subscriptions/{id}/resumption", subscription).with(otherCommunityAdmin()))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/webhook-subscriptions/{id}", subscription).with(otherCommunityAdmin()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/webhook-subscriptions").with(otherCommunityAdmin()))
                .andExpect(jsonPath("$.content[?(@.id == '" + subscription + "')]").isEmpty());
        mvc.perform(post("/api/v1/webhook-subscriptions").with(otherCommunityAdmin())
                        .contentType(MediaType.APPLICATION_JSON).content(body(SUBSCRIBER.url("/x"), "IssueClosed",
                                Seeds.COMMUNITY)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/webhook-subscriptions").with(Seeds.worker())).andExpect(status().isForbidden());

        mvc.perform(get("/api/v1/webhook-subscriptions").with(admin()))
                .andExpect(jsonPath("$.content[?(@.id == '" + subscription + "')]").isNotEmpty());
        mvc.perform(delete("/api/v1/webhook-subscriptions/{id}", subscription).with(admin()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/webhook-subscriptions/{id}", subscription).with(admin()))
                .andExpect(status().isNotFound());
    }

    @Test
    void refusesTargetsOutsideThePolicyAndUnpublishedEventTypes() throws Exception {
        mvc.perform(post("/api/v1/webhook-subscriptions").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(body("http://169.254.169.254/latest", "IssueClosed", null)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("target-not-allowed"));
        mvc.perform(post("/api/v1/webhook-subscriptions").with(admin()).contentType(MediaType.APPLICATION_JSON)
                        .content(body(SUBSCRIBER.url("/x"), "IssueDeleted", null)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("unknown-event-type"));
        mvc.perform(get("/api/v1/webhook-subscriptions/event-types").with(admin()))
                .andExpect(jsonPath("$[?(@ == 'IssueClosed')]").isNotEmpty());
    }

    private JsonNode subscribe(RequestPostProcessor who, String path, String type) throws Exception {
        JsonNode created = JSON.readTree(mvc.perform(post("/api/v1/webhook-subscriptions").with(who)
                        .contentType(MediaType.APPLICATION_JSON).content(body(SUBSCRIBER.url(path), type, null)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        assertThat(created.get("secret").asString()).startsWith("whsec_");
        assertThat(mongo.getCollection("webhook_subscriptions").find().into(new java.util.ArrayList<>()).toString())
                .as("the secret is stored encrypted").doesNotContain(created.get("secret").asString());
        return created;
    }

    private static String body(String url, String type, String scopeUnitId) {
        return "{\"targetUrl\": \"" + url + "\", \"eventTypes\": [\"" + type + "\"]"
                + (scopeUnitId == null ? "" : ", \"scopeUnitId\": \"" + scopeUnitId + "\"") + "}";
    }

    private String report(double lat, double lng) throws Exception {
        return JSON.readTree(mvc.perform(post("/api/v1/issues").with(COUNTY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\": \"ENVIRONMENT\", \"channel\": \"HOTLINE\", \"description\": \"垃圾满溢 "
                                + System.nanoTime() + "\", \"lat\": " + lat + ", \"lng\": " + lng
                                + ", \"reporterName\": \"王五\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
    }

    private void reject(String issueId) throws Exception {
        mvc.perform(post("/api/v1/issues/{id}/rejection", issueId).with(COUNTY).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"不属于受理范围\"}")).andExpect(status().isOk());
    }

    private void awaitDeliveries(String subscriptionId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(
                Criteria.where("subscriptionId").is(subscriptionId)), "webhook_deliveries") >= count);
    }

    private static String id(JsonNode created) {
        return created.has("subscription") ? created.at("/subscription/id").asString() : created.get("id").asString();
    }
}
