package org.linli.grid.notice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.linli.grid.notice.DeliveryTask.Method;
import org.linli.grid.notice.DeliveryTask.Status;
import org.linli.platform.web.Caller;
import org.linli.platform.web.Roles;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Notices", description = "通知: pushed down a grid subtree to every household through its grid worker, "
        + "with acknowledgement tracking and the time to full delivery")
@RestController
@RequestMapping("/api/v1/notices")
class NoticeController {

    private final NoticeService service;

    NoticeController(NoticeService service) {
        this.service = service;
    }

    @Operation(summary = "Publish a notice to a grid and every grid below it",
            description = "Roles: admins and GRID_WORKER whose scope covers the grid's community (403). Every household "
                    + "registered in the subtree gets a delivery task for the active worker of its grid (or of the "
                    + "nearest grid above that has one). 404 unknown grid; 422 no-households, invalid-notice-title, "
                    + "invalid-notice-body. Honours Idempotency-Key. Publishes NoticePublished.")
    @PostMapping
    @PreAuthorize(Roles.STAFF)
    ResponseEntity<NoticeResponse> publish(Caller caller, @Valid @RequestBody PublishRequest request) {
        Notice notice = service.publish(caller, request.gridId(), request.kind() == null ? Notice.Kind.POLICY
                : request.kind(), request.title(), request.body());
        return ResponseEntity.created(URI.create("/api/v1/notices/" + notice.id())).body(NoticeResponse.of(notice));
    }

    @Operation(summary = "Read a notice with its delivery progress",
            description = "Roles: admins and GRID_WORKER covering its community (403); 404 unknown id. deliveredShare "
                    + "is acknowledged / households (0..1); timeToFullDelivery (ISO-8601) once all acknowledged.")
    @GetMapping("/{id}")
    @PreAuthorize(Roles.STAFF)
    NoticeResponse get(Caller caller, @PathVariable String id) {
        return NoticeResponse.of(service.get(caller, id));
    }

    @Operation(summary = "List notices in the caller's scope, newest first",
            description = "Roles: admins and GRID_WORKER; paged; ?gridId= limits to notices published to that grid's "
                    + "subtree (403 outside the scope, 404 unknown grid).")
    @GetMapping
    @PreAuthorize(Roles.STAFF)
    PagedModel<NoticeResponse> list(Caller caller, @RequestParam(required = false) String gridId, Pageable pageable) {
        return new PagedModel<>(service.list(caller, gridId, pageable).map(NoticeResponse::of));
    }

    @Operation(summary = "Delivery tasks: a notice's, or the caller's own task list",
            description = "Roles: admins and GRID_WORKER, within their scope; paged. ?noticeId= one notice's tasks; "
                    + "?mine=true only tasks assigned to the caller's account; ?status=PENDING|ACKNOWLEDGED.")
    @GetMapping("/tasks")
    @PreAuthorize(Roles.STAFF)
    PagedModel<TaskResponse> tasks(Caller caller, @RequestParam(required = false) String noticeId,
                                   @RequestParam(defaultValue = "false") boolean mine,
                                   @RequestParam(required = false) Status status, Pageable pageable) {
        return new PagedModel<>(service.tasks(caller, noticeId, mine, status, pageable).map(TaskResponse::of));
    }

    @Operation(summary = "Record that a household acknowledged the notice",
            description = "Roles: admins and GRID_WORKER covering the household's community (403). Idempotent: "
                    + "acknowledging again returns the task as first acknowledged and counts once. 404 unknown notice "
                    + "or household not among its recipients.")
    @PostMapping("/{id}/acknowledgements")
    @PreAuthorize(Roles.STAFF)
    TaskResponse acknowledge(Caller caller, @PathVariable String id, @Valid @RequestBody AcknowledgementRequest request) {
        return TaskResponse.of(service.acknowledge(caller, id, request.householdId(),
                request.method() == null ? Method.IN_PERSON : request.method()));
    }

    record PublishRequest(@NotBlank @Size(max = 64) String gridId, Notice.Kind kind,
                          @NotBlank @Size(max = Notice.MAX_TITLE_LENGTH) String title,
                          @NotBlank @Size(max = Notice.MAX_BODY_LENGTH) String body) {
    }

    record AcknowledgementRequest(@NotNull @Size(min = 1, max = 64) String householdId, Method method) {
    }

    record NoticeResponse(String id, String gridId, String gridName, Notice.Kind kind, String title, String body,
                          String publishedBy, Instant publishedAt, int households, int acknowledged,
                          BigDecimal deliveredShare, Instant fullyDeliveredAt, Duration timeToFullDelivery) {

        static NoticeResponse of(Notice notice) {
            return new NoticeResponse(notice.id(), notice.gridId(), notice.gridName(), notice.kind(), notice.title(),
                    notice.body(), notice.publishedBy(), notice.publishedAt(), notice.householdCount(),
                    notice.acknowledgedCount(), notice.deliveredShare(), notice.fullyDeliveredAt(),
                    notice.timeToFullDelivery());
        }
    }

    record TaskResponse(String noticeId, String householdId, String buildingId, String gridId,
                        String workerAppointmentId, String workerName, Status status, Method method,
                        String acknowledgedBy, Instant acknowledgedAt) {

        static TaskResponse of(DeliveryTask task) {
            return new TaskResponse(task.noticeId(), task.householdId(), task.buildingId(), task.gridId(),
                    task.workerAppointmentId(), task.workerName(), task.status(), task.method(),
                    task.acknowledgedBy(), task.acknowledgedAt());
        }
    }
}
