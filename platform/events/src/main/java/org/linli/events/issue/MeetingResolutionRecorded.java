package org.linli.events.issue;

import org.linli.events.DomainEvent;

/**
 * A joint meeting (联席会议) recorded a resolution on an agenda item.
 *
 * @param meetingId id of the meeting
 * @param issueId the issue of the agenda item
 * @param decision CLOSE, REDIRECT or FOLLOW_UP
 * @param summary what was decided
 */
public record MeetingResolutionRecorded(String meetingId, String issueId, String decision, String summary) implements DomainEvent {
}
