package org.linli.issue.open311;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.linli.issue.issue.Category;
import org.linli.issue.issue.Channel;
import org.linli.issue.issue.Issue;
import org.linli.issue.issue.IssueIntake;
import org.linli.issue.issue.IssueQueries;
import org.linli.issue.issue.Report;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.MobileNumber;
import org.linli.platform.web.OriginalTime;
import org.linli.platform.domain.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 GeoReport v2 (JSON) for county systems: discovery, the service list (our categories),
 * creating requests and reading them with the spec's filters. Every {@code requests} call needs an
 * {@code api_key} (a stricter choice than the spec's optional key for reads: descriptions may carry
 * personal details). Errors are the spec's {@code [{"code", "description"}]} arrays.
 */
@Tag(name = "Open311 GeoReport v2", description = "http://wiki.open311.org/GeoReport_v2 (JSON only)")
@SecurityRequirements
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    static final int MAX_RESULTS = 1000;
    private static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

    private final IssueIntake intake;
    private final IssueQueries issues;
    private final ApiKeys keys;
    private final Clock clock;

    Open311Controller(IssueIntake intake, IssueQueries issues, ApiKeys keys, Clock clock) {
        this.intake = intake;
        this.issues = issues;
        this.keys = keys;
        this.clock = clock;
    }

    @Operation(summary = "Open311 discovery", description = "Public.")
    @GetMapping("/discovery.json")
    Map<String, Object> discovery() {
        return Map.of("changeset", "2026-11-22T00:00:00Z", "contact", "县委组织部 / county organisation department",
                "key_service", "An api_key is issued by a county admin (POST /api/v1/issues/api-keys)",
                "endpoints", List.of(Map.of("specification", "http://wiki.open311.org/GeoReport_v2",
                        "url", "/open311/v2", "changeset", "2026-11-22T00:00:00Z", "type", "production",
                        "formats", List.of("application/json"))));
    }

    @Operation(summary = "Open311 service list: our issue categories", description = "Public.")
    @GetMapping("/services.json")
    List<ServiceResponse> services() {
        return Arrays.stream(Category.values()).map(ServiceResponse::of).toList();
    }

    @Operation(summary = "Open311 service definition (no extra attributes)",
            description = "Public; 404 for an unknown service_code.")
    @GetMapping("/services/{code}.json")
    Map<String, Object> service(@PathVariable String code) {
        return Map.of("service_code", category(code).name(), "attributes", List.of());
    }

    @Operation(summary = "Open311: create a service request",
            description = "Form or query parameters as in the spec: api_key, service_code, lat + long or address_id "
                    + "(a building id), description, first_name, last_name, phone (mainland mobile), address_string, "
                    + "requested_datetime (optional, ISO instant: when the county system received it; bounded as "
                    + "receivedAt of POST /api/v1/issues, else 400). "
                    + "403 invalid api_key; 400 unknown service_code, missing description or location. Routed like "
                    + "any report (never fails for grid-service being down). Idempotency-Key supported.")
    @PostMapping("/requests.json")
    ResponseEntity<List<CreatedResponse>> create(@RequestParam(name = "api_key", required = false) String apiKey,
                                                 @RequestParam(name = "service_code", required = false) String code,
                                                 @RequestParam(required = false) Double lat,
                                                 @RequestParam(name = "long", required = false) Double lng,
                                                 @RequestParam(name = "address_string", required = false) String address,
                                                 @RequestParam(name = "address_id", required = false) String buildingId,
                                                 @RequestParam(required = false) String description,
                                                 @RequestParam(name = "first_name", required = false) String firstName,
                                                 @RequestParam(name = "last_name", required = false) String lastName,
                                                 @RequestParam(required = false) String phone,
                                                 @RequestParam(name = "requested_datetime", required = false)
                                                 @OriginalTime Instant requestedAt) {
        keys.require(apiKey);
        Category category = category(code);
        if (lat != null && (lat < -90 || lat > 90) || lng != null && (lng < -180 || lng > 180)) {
            throw new Open311BadRequest("lat/long outside WGS-84 range");
        }
        if ((lat == null || lng == null) && buildingId == null) {
            throw new Open311BadRequest("lat and long, or address_id, are required");
        }
        if (phone != null && !phone.matches(MobileNumber.FORMAT)) {
            throw new Open311BadRequest("phone is not a mainland mobile number");
        }
        if (address != null && address.length() > 200) {
            throw new Open311BadRequest("address_string is longer than 200 characters");
        }
        String name = (firstName == null ? "" : firstName) + (lastName == null ? "" : lastName);
        Issue issue = intake.submitFromIntegration(new Report(category, null, Channel.OPEN311, description, lat,
                lng, buildingId, address, false, null, name.isBlank() ? null : name.strip(), phone, null, List.of(),
                requestedAt));
        return ResponseEntity.created(URI.create("/open311/v2/requests/" + issue.id() + ".json"))
                .body(List.of(new CreatedResponse(issue.id(), "已受理，编号 " + issue.id(), null)));
    }

    @Operation(summary = "Open311: search service requests",
            description = "api_key required (403). service_request_id (comma-separated; overrides the other filters), "
                    + "service_code, start_date / end_date (ISO 8601; default the last 90 days), status=open|closed. "
                    + "Newest first, at most 1000.")
    @GetMapping("/requests.json")
    List<RequestResponse> search(@RequestParam(name = "api_key", required = false) String apiKey,
                                 @RequestParam(name = "service_request_id", required = false) String ids,
                                 @RequestParam(name = "service_code", required = false) String code,
                                 @RequestParam(name = "start_date", required = false) String startDate,
                                 @RequestParam(name = "end_date", required = false) String endDate,
                                 @RequestParam(required = false) String status) {
        keys.require(apiKey);
        Instant end = endDate == null ? clock.instant() : instant(endDate, "end_date");
        Instant start = startDate == null ? end.minus(DEFAULT_WINDOW) : instant(startDate, "start_date");
        Boolean open = status == null ? null : switch (status) {
            case "open" -> true;
            case "closed" -> false;
            default -> throw new Open311BadRequest("status is open or closed");
        };
        List<String> idList = ids == null ? List.of() : Arrays.stream(ids.split(",")).map(String::strip)
                .filter(id -> !id.isEmpty()).toList();
        return issues.search(idList, code == null ? null : category(code), start, end, open, MAX_RESULTS).stream()
                .map(RequestResponse::of).toList();
    }

    @Operation(summary = "Open311: one service request", description = "api_key required (403); 404 unknown id.")
    @GetMapping("/requests/{id}.json")
    List<RequestResponse> get(@RequestParam(name = "api_key", required = false) String apiKey,
                              @PathVariable String id) {
        keys.require(apiKey);
        return List.of(RequestResponse.of(issues.find(id)));
    }

    private static Category category(String code) {
        if (code == null) {
            throw new Open311BadRequest("service_code is required");
        }
        try {
            return Category.valueOf(code);
        } catch (IllegalArgumentException unknown) {
            throw new NotFoundException("service", code);
        }
    }

    private static Instant instant(String value, String name) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new Open311BadRequest(name + " is not an ISO 8601 date-time with offset");
        }
    }

    /** A client error in Open311 terms (400). */
    static class Open311BadRequest extends BusinessRuleViolation {
        Open311BadRequest(String message) {
            super("open311-bad-request", message);
        }
    }

    record ServiceResponse(@JsonProperty("service_code") String serviceCode,
                           @JsonProperty("service_name") String serviceName, String description, boolean metadata,
                           String type, String keywords, String group) {
        static ServiceResponse of(Category category) {
            return new ServiceResponse(category.name(), category.label(), category.englishName(), false, "realtime",
                    category.label() + "," + category.englishName(), category.defaultSeverity().label());
        }
    }

    record CreatedResponse(@JsonProperty("service_request_id") String serviceRequestId,
                           @JsonProperty("service_notice") String serviceNotice,
                           @JsonProperty("account_id") String accountId) {
    }

    record RequestResponse(@JsonProperty("service_request_id") String serviceRequestId, String status,
                           @JsonProperty("status_notes") String statusNotes,
                           @JsonProperty("service_name") String serviceName,
                           @JsonProperty("service_code") String serviceCode, String description,
                           @JsonProperty("agency_responsible") String agencyResponsible,
                           @JsonProperty("requested_datetime") Instant requestedDatetime,
                           @JsonProperty("updated_datetime") Instant updatedDatetime,
                           @JsonProperty("expected_datetime") Instant expectedDatetime, String address,
                           @JsonProperty("address_id") String addressId, Double lat,
                           @JsonProperty("long") Double lng) {
        static RequestResponse of(Issue issue) {
            String notes = issue.status().label() + (issue.resolutionNote() == null ? "" : "：" + issue.resolutionNote());
            return new RequestResponse(issue.id(), issue.status().open() ? "open" : "closed", notes,
                    issue.category().label(), issue.category().name(), issue.description(),
                    issue.level().label() + (issue.responsibleUnitId() == null ? "" : " " + issue.responsibleUnitId()),
                    issue.reportedAt(), issue.updatedAt(), issue.status().open() ? issue.solutionDueAt() : null,
                    issue.address(), issue.buildingId(), issue.lat(), issue.lng());
        }
    }
}
