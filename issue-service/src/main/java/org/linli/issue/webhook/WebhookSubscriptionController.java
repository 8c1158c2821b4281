package org.linli.issue.webhook;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Webhook subscriptions", description = "Signed webhooks of issue events for county systems (docs/webhooks.md)")
@RestController
@RequestMapping("/api/v1/webhook-subscriptions")
@PreAuthorize(Roles.ADMINS)
class WebhookSubscriptionController {

    private static final String ROLES = "Roles: COUNTY_ADMIN, STREET_ADMIN, COMMUNITY_ADMIN; ";

    private final WebhookSubscriptions subscriptions;
    private final OfferedEvents offered;

    WebhookSubscriptionController(WebhookSubscriptions subscriptions, OfferedEvents offered) {
        this.subscriptions = subscriptions;
        this.offered = offered;
    }

    @Operation(summary = "Subscribe a county system to issue events", description = ROLES + "the scope (scopeUnitId, "
            + "default the caller's own unit) must lie within the caller's scope (403 otherwise). The signing secret is "
            + "in this answer only. 422 target-not-allowed, unknown-event-type, unknown-unit.")
    @PostMapping
    ResponseEntity<CreatedResponse> create(Caller caller, @Valid @RequestBody CreateRequest request) {
        WebhookSubscriptions.Created created = subscriptions.create(caller, request.targetUrl(), request.eventTypes(),
                request.scopeUnitId());
        return ResponseEntity.created(URI.create("/api/v1/webhook-subscriptions/" + created.subscription().id()))
                .body(new CreatedResponse(WebhookSubscriptionResponse.of(created.subscription()), created.secret()));
    }

    @Operation(summary = "List webhook subscriptions", description = ROLES + "those whose scope lies within the "
            + "caller's, newest first; paged.")
    @GetMapping
    PagedModel<WebhookSubscriptionResponse> list(Caller caller, Pageable pageable) {
        return new PagedModel<>(subscriptions.list(caller, pageable).map(WebhookSubscriptionResponse::of));
    }

    @Operation(operationId = "listWebhookEventTypes", summary = "The event types a subscription may name", description = ROLES + "every contract of "
            + "issue.events (AsyncAPI: /asyncapi/issue-service).")
    @GetMapping("/event-types")
    Set<String> eventTypes() {
        return offered.types();
    }

    @Operation(summary = "Read a webhook subscription", description = ROLES + "403 outside the caller's scope; 404 unknown.")
    @GetMapping("/{id}")
    WebhookSubscriptionResponse get(Caller caller, @PathVariable String id) {
        return WebhookSubscriptionResponse.of(subscriptions.get(caller, id));
    }

    @Operation(summary = "Delete a webhook subscription and its delivery log", description = ROLES
            + "403 outside the caller's scope; 404 unknown.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        subscriptions.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Resume a paused webhook subscription", description = ROLES + "the deliveries held while it "
            + "was paused are sent again. 403 outside the caller's scope; 422 subscription-not-paused.")
    @PostMapping("/{id}/resumption")
    WebhookSubscriptionResponse resume(Caller caller, @PathVariable String id) {
        return WebhookSubscriptionResponse.of(subscriptions.resume(caller, id));
    }

    @Operation(operationId = "listWebhookDeliveries", summary = "A webhook subscription's delivery log", description = ROLES + "each delivery with its "
            + "attempts and the subscriber's response codes, newest first; paged. 403 outside the caller's scope.")
    @GetMapping("/{id}/deliveries")
    PagedModel<WebhookDeliveryResponse> deliveries(Caller caller, @PathVariable String id, Pageable pageable) {
        return new PagedModel<>(subscriptions.deliveries(caller, id, pageable).map(WebhookDeliveryResponse::of));
    }

    @Operation(operationId = "redeliverWebhookDelivery", summary = "Send a delivery again", description = ROLES + "queues a delivered or failed delivery for "
            + "a new round of attempts. 403 outside the caller's scope; 404 unknown; 422 subscription-paused, "
            + "delivery-queued.")
    @PostMapping("/{id}/deliveries/{deliveryId}/redelivery")
    ResponseEntity<WebhookDeliveryResponse> redeliver(Caller caller, @PathVariable String id, @PathVariable String deliveryId) {
        return ResponseEntity.accepted().body(WebhookDeliveryResponse.of(subscriptions.redeliver(caller, id, deliveryId)));
    }

    record CreateRequest(@NotBlank @Size(max = 2000) String targetUrl,
                         @NotEmpty @Size(max = 50) List<@NotBlank String> eventTypes,
                         @Size(max = 64) String scopeUnitId) {
    }

    record WebhookSubscriptionResponse(String id, String targetUrl, Set<String> eventTypes, String scopeUnitId,
                                String scopePath, String status, int consecutiveFailures, String createdBy,
                                Instant createdAt, Instant pausedAt) {
        static WebhookSubscriptionResponse of(WebhookSubscription s) {
            return new WebhookSubscriptionResponse(s.id(), s.targetUrl(), s.eventTypes(), s.scopeUnitId(), s.scopePath(),
                    s.status().name(), s.consecutiveFailures(), s.createdBy(), s.createdAt(), s.pausedAt());
        }
    }

    record CreatedResponse(WebhookSubscriptionResponse subscription, String secret) {
    }

    record WebhookDeliveryResponse(String id, String eventId, String eventType, String status, int attemptCount,
                            Integer lastResponseStatus, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt,
                            List<WebhookDelivery.WebhookAttempt> attempts) {
        static WebhookDeliveryResponse of(WebhookDelivery d) {
            List<WebhookDelivery.WebhookAttempt> attempts = d.attempts();
            Integer last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1).responseStatus();
            return new WebhookDeliveryResponse(d.id(), d.eventId(), d.eventType(), d.status().name(), d.attemptCount(), last,
                    d.nextAttemptAt(), d.createdAt(), d.deliveredAt(), attempts);
        }
    }
}
