package org.linli.issue.meeting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.linli.events.Topics;
import org.linli.events.issue.MeetingResolutionRecorded;
import org.linli.issue.issue.Issue;
import org.linli.issue.issue.IssueLifecycle;
import org.linli.issue.issue.IssueQueries;
import org.linli.issue.place.Places;
import org.linli.platform.mongo.MongoPages;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Schedules joint meetings, records their resolutions and publishes them. A resolution changes two
 * documents without a transaction: the decision is checked against the issue first, then the
 * meeting (with its MeetingResolutionRecorded) is saved, then the issue; should the issue's save fail
 * (a concurrent change), the meeting keeps the decision and the failure is logged for an admin to
 * apply by hand (close or dispatch the issue).
 */
@Service
class MeetingService {

    private static final Logger log = LoggerFactory.getLogger(MeetingService.class);

    private final MongoOperations mongo;
    private final IssueQueries issues;
    private final IssueLifecycle lifecycle;
    private final Places places;
    private final Clock clock;

    MeetingService(MongoOperations mongo, IssueQueries issues, IssueLifecycle lifecycle, Places places, Clock clock) {
        this.mongo = mongo;
        this.issues = issues;
        this.lifecycle = lifecycle;
        this.places = places;
        this.clock = clock;
    }

    Meeting schedule(Caller caller, MeetingController.ScheduleRequest request) {
        String path = places.pathOf(request.communityUnitId());
        if (path == null) {
            throw new BusinessRuleViolation("unknown-community", "community " + request.communityUnitId()
                    + " is not known", request.communityUnitId());
        }
        if (!caller.covers(path)) {
            throw new AccessDeniedException("community outside the caller's scope");
        }
        Meeting meeting = Meeting.schedule(request.title(), request.communityUnitId(), path, request.scheduledAt(),
                request.place(), request.attendees().stream().map(MeetingController.AttendeeRequest::attendee).toList(),
                caller.accountId(), clock.instant());
        List<Issue> items = new ArrayList<>();
        if (Boolean.TRUE.equals(request.agendaFromEscalated())) {
            items.addAll(issues.escalatedIn(request.communityUnitId(), Meeting.MAX_ITEMS));
        }
        for (String issueId : request.issueIds() == null ? List.<String>of() : request.issueIds()) {
            Issue issue = issues.find(issueId);
            if (!request.communityUnitId().equals(issue.communityUnitId())) {
                throw new BusinessRuleViolation("issue-outside-community", "issue " + issueId
                        + " belongs to another community", issueId);
            }
            items.add(issue);
        }
        for (Issue issue : items) {
            meeting.addItem(issue.id(), issue.category().label() + "：" + abbreviate(issue.description()),
                    clock.instant());
        }
        return mongo.insert(meeting);
    }

    Meeting get(Caller caller, String id) {
        Meeting meeting = find(id);
        requireScope(caller, meeting);
        return meeting;
    }

    Page<Meeting> list(Caller caller, String communityUnitId, boolean publishedOnly, Pageable pageable) {
        List<Criteria> all = new ArrayList<>();
        if (publishedOnly) {
            all.add(Criteria.where("status").is(Meeting.Status.PUBLISHED));
        } else if (!caller.isCountyWide()) {
            all.add(Criteria.where("communityPath").regex("^" + Pattern.quote(caller.orgUnitPath())));
        }
        Optional.ofNullable(communityUnitId).ifPresent(value -> all.add(Criteria.where("communityUnitId").is(value)));
        Criteria criteria = all.isEmpty() ? new Criteria() : new Criteria().andOperator(all.toArray(Criteria[]::new));
        Query query = Query.query(criteria).with(pageable);
        if (pageable.getSort().isUnsorted()) {
            query.with(Sort.by(Sort.Direction.DESC, "scheduledAt"));
        }
        return MongoPages.page(mongo, query, pageable, Meeting.class);
    }

    /** The community's name for the public record, {@code null} when org-service's events have not arrived. */
    String communityName(Meeting meeting) {
        return places.nameOf(meeting.communityUnitId());
    }

    Meeting published(String id) {
        Meeting meeting = find(id);
        if (meeting.status() != Meeting.Status.PUBLISHED) {
            throw new NotFoundException("meeting", id);
        }
        return meeting;
    }

    @AsyncPublisher(operation = @AsyncOperation(channelName = Topics.ISSUE_EVENTS, payloadType = MeetingResolutionRecorded.class,
            description = "a joint meeting recorded a resolution on an agenda item"))
    Meeting resolve(Caller caller, String id, MeetingController.ResolutionRequest request) {
        Meeting meeting = get(caller, id);
        meeting.resolve(request.issueId(), request.decision(), request.summary(), request.redirectToUnitId(),
                clock.instant());
        lifecycle.checkMeetingDecision(request.issueId(), request.decision());
        Meeting saved = mongo.save(meeting);
        try {
            lifecycle.applyMeetingDecision(request.issueId(), request.decision(), request.redirectToUnitId(),
                    request.summary(), caller.accountId());
        } catch (RuntimeException e) {
            log.warn("meeting {} recorded {} for issue {} but the issue could not be changed: {}", id,
                    request.decision(), request.issueId(), e.getClass().getSimpleName());
            throw e;
        }
        return saved;
    }

    Meeting publish(Caller caller, String id) {
        Meeting meeting = get(caller, id);
        meeting.publish(clock.instant());
        return mongo.save(meeting);
    }

    private Meeting find(String id) {
        return Optional.ofNullable(mongo.findById(id, Meeting.class))
                .orElseThrow(() -> new NotFoundException("meeting", id));
    }

    private static void requireScope(Caller caller, Meeting meeting) {
        if (!caller.covers(meeting.communityPath())) {
            throw new AccessDeniedException("meeting outside the caller's scope");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
