package org.linli.issue.issue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * How an issue was resolved (办结) and what its reporter made of it (回访): who resolved it and as what, when, with
 * which note and photos, and the reporter's rating of 1–5 with a comment. A value: every change answers a new
 * resolution. Stored flat in the issue's document ({@code @Unwrapped}), under the field names it always had.
 *
 * @param resolvedAt {@code null} while unresolved, and again once the reporter's rating reopened the issue
 * @param note       the handler's note, or the summary of the joint meeting that closed the issue
 * @param rating     the reporter's last rating, kept when it reopened the issue, {@code null} while unrated
 */
record Resolution(String handlerAccountId, HandlerKind handlerKind, Instant resolvedAt,
                  @Field("resolutionNote") String note, @Field("resolutionPhotoIds") List<String> photoIds,
                  Integer rating, String ratingComment) {

    /** An issue nobody resolved yet. */
    static final Resolution NONE = new Resolution(null, null, null, null, List.of(), null, null);

    Resolution {
        photoIds = photoIds == null ? List.of() : List.copyOf(photoIds);
    }

    /** What another system's record says of its resolution: when, with which note, and its rating once closed. */
    static Resolution imported(HistoricalRecord record) {
        if (record.status() != IssueStatus.RESOLVED && record.status() != IssueStatus.CLOSED) {
            return NONE;
        }
        Instant resolved = record.resolvedAt() != null ? record.resolvedAt() : record.closedAt();
        return new Resolution(null, null, resolved, record.note(), List.of(), record.rating(), null);
    }

    /**
     * Resolved by {@code accountId} at {@code now}: a note is required and at most {@value Issue#MAX_PHOTOS} photos
     * are kept (422 otherwise). A rating given before a reopening stays until the reporter rates again.
     */
    Resolution resolvedBy(String accountId, HandlerKind kind, String note, List<String> photos, Instant now) {
        if (note == null || note.isBlank()) {
            throw new BusinessRuleViolation("resolution-note-required", "resolving needs a note");
        }
        if (photos.size() > Issue.MAX_PHOTOS) {
            throw new BusinessRuleViolation("too-many-photos", "at most 9 photos", Issue.MAX_PHOTOS);
        }
        return new Resolution(accountId, Objects.requireNonNull(kind), now, note.strip(), photos, rating,
                ratingComment);
    }

    /** The reporter's rating, 1 to 5 (422 otherwise). */
    Resolution ratedWith(int stars, String comment) {
        if (stars < 1 || stars > 5) {
            throw new BusinessRuleViolation("invalid-rating", "a rating lies between 1 and 5", stars);
        }
        return new Resolution(handlerAccountId, handlerKind, resolvedAt, note, photoIds, stars, comment);
    }

    /** The reporter's rating reopened the issue: it is no longer resolved; handler, note and rating stay. */
    Resolution reopened() {
        return new Resolution(handlerAccountId, handlerKind, null, note, photoIds, rating, ratingComment);
    }

    /** A joint meeting's decision closes the issue: its summary is the note. */
    Resolution decided(String summary) {
        return new Resolution(handlerAccountId, handlerKind, resolvedAt, summary, photoIds, rating, ratingComment);
    }

    boolean handledBy(String accountId) {
        return accountId.equals(handlerAccountId);
    }
}
