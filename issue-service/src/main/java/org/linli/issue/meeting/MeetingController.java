package org.linli.issue.meeting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.linli.issue.issue.MeetingDecision;
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

@Tag(name = "Joint meetings", description = "联席会议 (1+3+N): agenda from escalated issues, resolutions per item, 公示")
@RestController
@RequestMapping("/api/v1/meetings")
class MeetingController {

    private final MeetingService service;

    MeetingController(MeetingService service) {
        this.service = service;
    }

    @Operation(summary = "Schedule a 1+3+N joint meeting",
            description = "Roles: admins covering the community (403). Attendees must include PARTY_ORGANISATION, "
                    + "RESIDENTS_COMMITTEE, OWNERS_COMMITTEE and PROPERTY_COMPANY (422 incomplete-attendance); "
                    + "DEPARTMENT/OTHER are the N. agendaFromEscalated=true puts the community's open escalated or "
                    + "supervised issues on the agenda; issueIds adds others (422 issue-outside-community, 404 unknown).")
    @PostMapping
    @PreAuthorize(Roles.ADMINS)
    ResponseEntity<MeetingResponse> schedule(Caller caller, @Valid @RequestBody ScheduleRequest request) {
        Meeting meeting = service.schedule(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + meeting.id())).body(MeetingResponse.of(meeting));
    }

    @Operation(summary = "Read a meeting", description = "Roles: admins covering the community (403); 404 unknown id.")
    @GetMapping("/{id}")
    @PreAuthorize(Roles.ADMINS)
    MeetingResponse get(Caller caller, @PathVariable String id) {
        return MeetingResponse.of(service.get(caller, id));
    }

    @Operation(summary = "List meetings in the caller's scope", description = "Roles: admins; paged; ?communityUnitId=.")
    @GetMapping
    @PreAuthorize(Roles.ADMINS)
    PagedModel<MeetingResponse> list(Caller caller, @RequestParam(required = false) String communityUnitId,
                                     Pageable pageable) {
        return new PagedModel<>(service.list(caller, communityUnitId, false, pageable).map(MeetingResponse::of));
    }

    @Operation(summary = "Record the resolution of an agenda item",
            description = "Roles: admins covering the community (403). CLOSE closes the issue, REDIRECT hands it to "
                    + "redirectToUnitId at department level (check-in clock starts), FOLLOW_UP leaves it. 422 "
                    + "not-on-agenda, already-resolved, redirect-target-required, illegal-transition (issue already "
                    + "ended), meeting-published. Publishes MeetingResolutionRecorded (and IssueClosed/IssueEscalated).")
    @PostMapping("/{id}/resolutions")
    @PreAuthorize(Roles.ADMINS)
    MeetingResponse resolve(Caller caller, @PathVariable String id, @Valid @RequestBody ResolutionRequest request) {
        return MeetingResponse.of(service.resolve(caller, id, request));
    }

    @Operation(summary = "Publish the decisions (公示)",
            description = "Roles: admins covering the community (403). 422 unresolved-items, meeting-published.")
    @PostMapping("/{id}/publication")
    @PreAuthorize(Roles.ADMINS)
    MeetingResponse publish(Caller caller, @PathVariable String id) {
        return MeetingResponse.of(service.publish(caller, id));
    }

    @Operation(summary = "Published meetings (公示), public", description = "No token. Paged; ?communityUnitId=. "
            + "The community's name, attendees by organisation, each item's decision and its summary; no personal data.")
    @SecurityRequirements
    @GetMapping("/published")
    PagedModel<PublicMeeting> published(@RequestParam(required = false) String communityUnitId, Pageable pageable) {
        return new PagedModel<>(service.list(null, communityUnitId, true, pageable).map(meeting -> PublicMeeting.of(meeting,
                service.communityName(meeting))));
    }

    @Operation(summary = "One published meeting (公示), public", description = "No token; 404 unknown or unpublished.")
    @SecurityRequirements
    @GetMapping("/published/{id}")
    PublicMeeting publishedOne(@PathVariable String id) {
        Meeting meeting = service.published(id);
        return PublicMeeting.of(meeting, service.communityName(meeting));
    }

    record AttendeeRequest(@NotNull Meeting.Party party, @NotBlank @Size(max = 100) String name,
                           @Size(max = 64) String unitId) {
        Meeting.Attendee attendee() {
            return new Meeting.Attendee(party, name.strip(), unitId);
        }
    }

    record ScheduleRequest(@NotBlank @Size(max = 100) String title, @NotBlank @Size(max = 64) String communityUnitId,
                           @NotNull Instant scheduledAt, @Size(max = 200) String place,
                           @NotEmpty @Size(max = 50) List<@Valid @NotNull AttendeeRequest> attendees,
                           Boolean agendaFromEscalated, @Size(max = Meeting.MAX_ITEMS) List<@NotBlank String> issueIds) {
    }

    record ResolutionRequest(@NotBlank @Size(max = 64) String issueId, @NotNull MeetingDecision decision,
                             @NotBlank @Size(max = 1000) String summary, @Size(max = 64) String redirectToUnitId) {
    }

    record MeetingResponse(String id, String title, String communityUnitId, Instant scheduledAt, String place,
                           List<Meeting.Attendee> attendees, List<Meeting.AgendaItem> agenda, Meeting.Status status,
                           Instant publishedAt, Long version) {
        static MeetingResponse of(Meeting meeting) {
            return new MeetingResponse(meeting.id(), meeting.title(), meeting.communityUnitId(), meeting.scheduledAt(),
                    meeting.place(), meeting.attendees(), meeting.agenda(), meeting.status(), meeting.publishedAt(),
                    meeting.version());
        }
    }

    record PublicMeeting(String id, String title, String communityUnitId, String communityName, Instant scheduledAt,
                         List<PublicAttendee> attendees, List<PublicItem> decisions, Instant publishedAt) {
        static PublicMeeting of(Meeting meeting, String communityName) {
            return new PublicMeeting(meeting.id(), meeting.title(), meeting.communityUnitId(), communityName,
                    meeting.scheduledAt(),
                    meeting.attendees().stream().map(a -> new PublicAttendee(a.party(), a.party().label(), a.name()))
                            .toList(),
                    meeting.agenda().stream().map(item -> new PublicItem(item.issueId(), item.summary(),
                            item.decision(), item.resolution())).toList(), meeting.publishedAt());
        }
    }

    record PublicAttendee(Meeting.Party party, String partyLabel, String name) {
    }

    record PublicItem(String issueId, String summary, MeetingDecision decision, String resolution) {
    }
}
