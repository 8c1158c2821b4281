package org.linli.issue.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.linli.events.issue.MeetingResolutionRecorded;
import org.linli.issue.issue.MeetingDecision;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A "1+3+N" joint meeting (联席会议): the community party organisation (1), the residents' committee,
 * the owners' committee and the property company (3) and invited departments or others (N). Its
 * agenda lists issues; a resolution is recorded per item (CLOSE, REDIRECT or FOLLOW_UP) and publishes
 * MeetingResolutionRecorded; once every item is resolved the decisions are published (公示) publicly.
 */
@Document("meetings")
public class Meeting extends AggregateRoot {

    static final Set<Party> REQUIRED = EnumSet.of(Party.PARTY_ORGANISATION, Party.RESIDENTS_COMMITTEE,
            Party.OWNERS_COMMITTEE, Party.PROPERTY_COMPANY);
    static final int MAX_ITEMS = 30;

    @Id
    private String id;
    private String title;
    @Indexed
    private String communityUnitId;
    @Indexed
    private String communityPath;
    @Indexed // the lists' default order (newest first), public published meetings among them
    private Instant scheduledAt;
    private String place;
    private List<Attendee> attendees = new ArrayList<>();
    private List<AgendaItem> agenda = new ArrayList<>();
    @Indexed
    private Status status;
    private String createdBy;
    private Instant createdAt;
    private Instant publishedAt;
    private Instant updatedAt;

    protected Meeting() {
    }

    static Meeting schedule(String title, String communityUnitId, String communityPath, Instant scheduledAt,
                            String place, List<Attendee> attendees, String createdBy, Instant now) {
        Set<Party> present = attendees.stream().map(Attendee::party).collect(Collectors.toSet());
        if (!present.containsAll(REQUIRED)) {
            Set<Party> missing = EnumSet.copyOf(REQUIRED);
            missing.removeAll(present);
            throw new BusinessRuleViolation("incomplete-attendance", "a 1+3+N meeting needs the party organisation, "
                    + "the residents' committee, the owners' committee and the property company; missing " + missing,
                    missing.toString());
        }
        Meeting meeting = new Meeting();
        meeting.id = UUID.randomUUID().toString();
        meeting.title = title.strip();
        meeting.communityUnitId = Objects.requireNonNull(communityUnitId);
        meeting.communityPath = communityPath;
        meeting.scheduledAt = Objects.requireNonNull(scheduledAt);
        meeting.place = place;
        meeting.attendees = new ArrayList<>(attendees);
        meeting.status = Status.SCHEDULED;
        meeting.createdBy = createdBy;
        meeting.createdAt = now;
        meeting.updatedAt = now;
        return meeting;
    }

    /** Puts an issue on the agenda (once). */
    void addItem(String issueId, String summary, Instant now) {
        requireScheduled();
        if (agenda.stream().anyMatch(item -> item.issueId().equals(issueId))) {
            return;
        }
        if (agenda.size() >= MAX_ITEMS) {
            throw new BusinessRuleViolation("agenda-full", "an agenda holds at most 30 items", MAX_ITEMS);
        }
        agenda.add(new AgendaItem(issueId, summary, null, null, null, null));
        updatedAt = now;
    }

    /**
     * Records the resolution of an agenda item; REDIRECT names the unit it goes to. A meeting decides
     * only once it has started: a resolution before {@code scheduledAt} is refused ({@code meeting-not-started}).
     */
    void resolve(String issueId, MeetingDecision decision, String summary, String redirectToUnitId, Instant now) {
        requireScheduled();
        if (now.isBefore(scheduledAt)) {
            throw new BusinessRuleViolation("meeting-not-started", "meeting " + id + " starts at " + scheduledAt,
                    scheduledAt.toString());
        }
        int index = indexOf(issueId);
        if (agenda.get(index).decision() != null) {
            throw new BusinessRuleViolation("already-resolved", "the item " + issueId + " is already resolved", issueId);
        }
        if (decision == MeetingDecision.REDIRECT && (redirectToUnitId == null || redirectToUnitId.isBlank())) {
            throw new BusinessRuleViolation("redirect-target-required", "a redirect names the unit it goes to");
        }
        AgendaItem item = agenda.get(index);
        agenda.set(index, new AgendaItem(item.issueId(), item.summary(), decision, summary,
                decision == MeetingDecision.REDIRECT ? redirectToUnitId : null, now));
        updatedAt = now;
        recordEvent(id, new MeetingResolutionRecorded(id, issueId, decision.name(), summary), now);
    }

    /** Publishes the decisions (公示) once every item is resolved. */
    void publish(Instant now) {
        requireScheduled();
        if (agenda.isEmpty() || agenda.stream().anyMatch(item -> item.decision() == null)) {
            throw new BusinessRuleViolation("unresolved-items", "every agenda item needs a resolution before 公示");
        }
        status = Status.PUBLISHED;
        publishedAt = now;
        updatedAt = now;
    }

    private int indexOf(String issueId) {
        for (int i = 0; i < agenda.size(); i++) {
            if (agenda.get(i).issueId().equals(issueId)) {
                return i;
            }
        }
        throw new BusinessRuleViolation("not-on-agenda", "issue " + issueId + " is not on the agenda", issueId);
    }

    private void requireScheduled() {
        if (status != Status.SCHEDULED) {
            throw new BusinessRuleViolation("meeting-published", "the meeting's decisions are already published");
        }
    }

    public String id() { return id; }
    String title() { return title; }
    String communityUnitId() { return communityUnitId; }
    String communityPath() { return communityPath; }
    Instant scheduledAt() { return scheduledAt; }
    String place() { return place; }
    List<Attendee> attendees() { return Collections.unmodifiableList(attendees); }
    List<AgendaItem> agenda() { return Collections.unmodifiableList(agenda); }
    Status status() { return status; }
    Instant createdAt() { return createdAt; }
    Instant publishedAt() { return publishedAt; }

    enum Status { SCHEDULED, PUBLISHED }

    /** The 1, the 3 and the N of a joint meeting. */
    enum Party {
        PARTY_ORGANISATION("社区党组织"), RESIDENTS_COMMITTEE("居委会"), OWNERS_COMMITTEE("业委会"),
        PROPERTY_COMPANY("物业服务企业"), DEPARTMENT("职能部门"), OTHER("其他");

        private final String label;

        Party(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** Who attends: the party they represent, a display name (organisation or person) and their org unit if any. */
    record Attendee(Party party, String name, String unitId) {
    }

    /** One item: the issue, a summary, and once resolved the decision. */
    record AgendaItem(String issueId, String summary, MeetingDecision decision, String resolution, String redirectToUnitId,
                      Instant resolvedAt) {
    }
}
