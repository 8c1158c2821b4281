package org.linli.events.grid;

import org.linli.events.DomainEvent;

/**
 * A notice (通知) was published to a grid subtree; every household in it got a delivery task for its grid worker.
 *
 * @param noticeId id of the notice
 * @param gridId root of the subtree it was published to
 * @param title title
 * @param householdCount delivery tasks created, one per household
 */
public record NoticePublished(String noticeId, String gridId, String title, int householdCount) implements DomainEvent {
}
