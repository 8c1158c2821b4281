package org.linli.points.communitylist;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A month's red and black lists of the communities of a street or of the county (社区红黑榜, 巷巷比拼): every
 * community of the scope ranked by its {@link CommunityScore}, the best on the red list (红榜), the worst on the black
 * list (黑榜), each with the figures behind its place.
 *
 * <p>A list is computed as a DRAFT, which computing again refreshes; publishing it (once the month is over) makes it
 * public and immutable. A published list is never recomputed: a new version, numbered on, is computed with a reason
 * and, once published, supersedes it (the superseded list stays readable, pointing to its successor). The id is
 * {@code scope:month:number}, so two admins computing the same new version at once cannot both insert it.
 *
 * <p>Each list holds at most half the ranked communities, so none is on both: the red list the top {@code size} with
 * a score above 0, the black list the bottom {@code size} scoring below the best (a month where all score alike has
 * no black list).
 */
@Document("community_lists")
public class CommunityList {

    /** The scope id of a county-wide list. */
    static final String COUNTY = "county";
    static final int MAX_SIZE = 20;
    static final int MAX_REASON = 200;

    @Id
    private String id;
    @Indexed // the versions of one scope's month, the public read of the one in force
    private String scopeMonth;
    private String scopeUnitId;
    private String scopeName;
    private String scopePath;
    private String month;
    private int number;
    private Status status;
    private int size;
    private List<Line> lines = new ArrayList<>();
    private Instant computedAt;
    private String computedBy;
    private Instant publishedAt;
    private String publishedBy;
    private String supersedes;
    private String supersedeReason;
    private String supersededBy;
    @Version
    private Long version;

    protected CommunityList() {
        // for the mapping layer
    }

    /** The first draft of a scope's month ({@code earlier} null), or a new version of the published {@code earlier}. */
    static CommunityList compute(Scope scope, YearMonth month, CommunityList earlier, String reason,
                                 List<CommunityFigures> figures, int size, String by, Instant now) {
        CommunityList list = new CommunityList();
        if (earlier != null) {
            if (reason == null || reason.isBlank()) {
                throw new BusinessRuleViolation("list-published", "the list of " + month + " is published and "
                        + "immutable: a new version needs a reason", earlier.id);
            }
            list.number = earlier.number + 1;
            list.supersedes = earlier.id;
            list.supersedeReason = reason;
        } else {
            if (reason != null) {
                throw new BusinessRuleViolation("nothing-to-supersede", "no published list of " + month
                        + " to supersede");
            }
            list.number = 1;
        }
        list.scopeUnitId = scope.id();
        list.scopeName = scope.name();
        list.scopePath = scope.path();
        list.month = month.toString();
        list.scopeMonth = scopeMonth(scope.id(), month);
        list.id = list.scopeMonth + ":" + list.number;
        list.status = Status.DRAFT;
        list.fill(figures, size, by, now);
        return list;
    }

    static String scopeMonth(String scopeUnitId, YearMonth month) {
        return scopeUnitId + ":" + month;
    }

    /** Computes a draft again from the records as they are now; a published list is immutable. */
    void recompute(List<CommunityFigures> figures, int newSize, String by, Instant now) {
        requireDraft();
        fill(figures, newSize, by, now);
    }

    /** Publishes the draft, once its month is over ({@code current} is the county's month now). */
    void publish(String by, Instant now, YearMonth current) {
        requireDraft();
        if (!YearMonth.parse(month).isBefore(current)) {
            throw new BusinessRuleViolation("month-not-over", "the lists of " + month + " are published once the month "
                    + "is over", month);
        }
        status = Status.PUBLISHED;
        publishedAt = now;
        publishedBy = by;
    }

    /** The published list gives way to its newer version, just published. */
    void supersede(String newerId) {
        if (status == Status.PUBLISHED) {
            status = Status.SUPERSEDED;
            supersededBy = newerId;
        }
    }

    private void fill(List<CommunityFigures> figures, int newSize, String by, Instant now) {
        if (newSize < 1 || newSize > MAX_SIZE) {
            throw new BusinessRuleViolation("invalid-size", "a list holds 1 to " + MAX_SIZE + " communities", MAX_SIZE);
        }
        List<CommunityScore.Scored> ranked = CommunityScore.rank(figures);
        int n = ranked.size();
        int places = Math.min(newSize, n / 2);
        int best = n == 0 ? 0 : ranked.get(0).score();
        List<Line> filled = new ArrayList<>();
        for (CommunityScore.Scored scored : ranked) {
            Board board = null;
            if (scored.rank() <= places && scored.score() > 0) {
                board = Board.RED;
            } else if (scored.rank() > n - places && scored.score() < best) {
                board = Board.BLACK;
            }
            filled.add(Line.of(scored, board));
        }
        lines = filled;
        size = newSize;
        computedAt = now;
        computedBy = by;
    }

    private void requireDraft() {
        if (status != Status.DRAFT) {
            throw new BusinessRuleViolation("list-" + status.name().toLowerCase(), "the list " + id + " is "
                    + status + " and immutable; compute a new version with a reason", supersededBy);
        }
    }

    /** The red list (红榜), best first. */
    List<Line> red() {
        return lines.stream().filter(line -> line.board() == Board.RED).toList();
    }

    /** The black list (黑榜), worst first. */
    List<Line> black() {
        return lines.stream().filter(line -> line.board() == Board.BLACK)
                .sorted((a, b) -> Integer.compare(b.rank(), a.rank())).toList();
    }

    boolean isPublic() {
        return status != Status.DRAFT;
    }

    String id() {
        return id;
    }

    String scopeUnitId() {
        return scopeUnitId;
    }

    String scopeName() {
        return scopeName;
    }

    String scopePath() {
        return scopePath;
    }

    String month() {
        return month;
    }

    int number() {
        return number;
    }

    Status status() {
        return status;
    }

    int size() {
        return size;
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    Instant computedAt() {
        return computedAt;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    String supersedes() {
        return supersedes;
    }

    String supersedeReason() {
        return supersedeReason;
    }

    String supersededBy() {
        return supersededBy;
    }

    Long version() {
        return version;
    }

    /** The street, township or county whose communities are ranked; the county's path is "" (every community). */
    record Scope(String id, String name, String path) {
    }

    enum Status {
        DRAFT, PUBLISHED, SUPERSEDED
    }

    /** Which list a community is on, if either. */
    enum Board {
        RED, BLACK
    }

    /** A community's place with the figures behind it (volunteer minutes as recorded; no-shows also per mille). */
    record Line(int rank, String communityUnitId, String communityName, int score, Board board, int activities,
                int attendances, long volunteerMinutes, int noShows, int noShowPermille) {

        static Line of(CommunityScore.Scored scored, Board board) {
            CommunityFigures f = scored.figures();
            return new Line(scored.rank(), f.communityUnitId(), f.communityName(), scored.score(), board,
                    f.activities(), f.attendances(), f.volunteerMinutes(), f.noShows(), f.noShowPermille());
        }
    }
}
