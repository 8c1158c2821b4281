package org.linli.issue.copies;

/**
 * Published in this service after a copy that routing reads was written: a grid or a compound (created, its boundary
 * or contracts changed), an org unit, or a grid worker appointment. The place locator then rebuilds its in-memory
 * index and copies.
 */
public record RoutingCopiesChanged() {
}
