package org.linli.issue.copies;

/**
 * Published in this service when the copy of a grid or a compound was written (created, or its boundary changed),
 * for whatever indexes the copied boundaries (the place locator).
 */
public record BoundariesChanged() {
}
