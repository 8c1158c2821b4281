package org.linli.issue.copies;

/**
 * Published in this service when an org unit moved and the issues below it took its new path by a bulk rewrite
 * (no issue is saved one by one), for whatever keeps figures by path.
 */
public record SubtreeMoved(String oldPath, String newPath) {
}
