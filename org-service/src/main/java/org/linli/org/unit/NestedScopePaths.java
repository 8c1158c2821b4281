package org.linli.org.unit;

/**
 * A feature whose documents keep org-unit paths inside lists, where {@link ScopePath} cannot mark them
 * (e.g. a dual-registration unit's pairings). {@link SubtreeRebaser} calls every such bean when a unit
 * moves, before it marks the move done, so a crash in between repeats the call: the rewrite must be
 * idempotent (a rewritten path no longer starts with the old prefix).
 */
public interface NestedScopePaths {

    /** Rewrites every stored path that starts with {@code oldPrefix} to start with {@code newPrefix}. */
    void rebase(String oldPrefix, String newPrefix);
}
