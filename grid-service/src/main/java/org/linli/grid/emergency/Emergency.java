package org.linli.grid.emergency;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.linli.events.grid.EmergencyClosed;
import org.linli.events.grid.EmergencyDeclared;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An emergency (突发事件: flood, fire, landslide…) declared on one or more grids. A micro-grid is the
 * smallest emergency unit: the active worker of each grid becomes its on-site commander (现场指挥). The
 * incident keeps a timeline of status updates, notes when each site was reached, and closes once with an
 * outcome and whether the first on-site handling succeeded (the seeds report 93 % initial-handling
 * success and 100 % on-site handling).
 */
@Document("emergencies")
class Emergency extends AggregateRoot {

    static final int MAX_TITLE_LENGTH = 100;
    static final int MAX_NOTE_LENGTH = 1000;
    static final int MAX_GRIDS = 50;

    @Id
    private String id;
    private Kind kind;
    private String title;
    private List<Site> sites = new ArrayList<>();
    @Indexed
    private List<String> gridPaths = new ArrayList<>();
    @Indexed
    private List<String> communityPaths = new ArrayList<>();
    private Status status;
    private List<TimelineEntry> timeline = new ArrayList<>();
    private Outcome outcome;
    private Boolean initialHandlingSucceeded;
    private String declaredBy;
    @Indexed // the list's default order (newest first)
    private Instant declaredAt;
    private Instant closedAt;

    protected Emergency() {
        // for the mapping layer
    }

    /** Declares an incident on the given sites (one per grid, each with its commander if the grid has a worker). */
    static Emergency declare(Kind kind, String title, List<Site> sites, String note, String by, Instant now) {
        Objects.requireNonNull(kind);
        if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE_LENGTH) {
            throw new BusinessRuleViolation("invalid-emergency-title", "an emergency title has 1 to 100 characters");
        }
        if (sites == null || sites.isEmpty() || sites.size() > MAX_GRIDS) {
            throw new BusinessRuleViolation("invalid-emergency-grids", "an emergency covers 1 to 50 grids");
        }
        if (sites.stream().map(Site::gridId).distinct().count() != sites.size()) {
            throw new BusinessRuleViolation("invalid-emergency-grids", "each grid is named once");
        }
        Emergency emergency = new Emergency();
        emergency.id = UUID.randomUUID().toString();
        emergency.kind = kind;
        emergency.title = title.strip();
        emergency.sites = new ArrayList<>(sites);
        emergency.gridPaths = sites.stream().map(Site::gridPath).toList();
        emergency.communityPaths = List.copyOf(new LinkedHashSet<>(sites.stream().map(Site::communityPath).toList()));
        emergency.status = Status.ACTIVE;
        emergency.declaredBy = by;
        emergency.declaredAt = now;
        emergency.timeline.add(new TimelineEntry(now, by, Phase.DECLARED, null, note(note)));
        emergency.recordEvent(emergency.id, new EmergencyDeclared(emergency.id, kind.name(), emergency.gridIds(),
                sites.stream().map(Site::commanderAppointmentId).filter(Objects::nonNull).toList()), now);
        return emergency;
    }

    /**
     * A status update. ON_SITE names the grid whose site was reached (the first report counts); the other
     * phases may name a grid or speak for the whole incident.
     */
    void update(Phase phase, String gridId, String note, String by, Instant now) {
        requireActive();
        if (phase == null || phase == Phase.DECLARED || phase == Phase.CLOSED) {
            throw new BusinessRuleViolation("invalid-emergency-phase", "an update is ON_SITE, HANDLING or CONTAINED");
        }
        if (gridId != null && site(gridId).isEmpty()) {
            throw new BusinessRuleViolation("grid-not-in-emergency", "grid " + gridId + " is not part of this emergency",
                    gridId);
        }
        if (phase == Phase.ON_SITE) {
            if (gridId == null) {
                throw new BusinessRuleViolation("grid-not-in-emergency", "an ON_SITE update names its grid", "");
            }
            sites.replaceAll(site -> site.gridId().equals(gridId) && site.onSiteAt() == null ? site.reachedAt(now) : site);
        }
        timeline.add(new TimelineEntry(now, by, phase, gridId, note(note)));
    }

    /** Closes the incident once, with its outcome and whether the first on-site handling contained it. */
    void close(Outcome outcome, boolean initialHandlingSucceeded, String note, String by, Instant now) {
        requireActive();
        this.outcome = Objects.requireNonNull(outcome);
        this.initialHandlingSucceeded = initialHandlingSucceeded;
        this.status = Status.CLOSED;
        this.closedAt = now;
        timeline.add(new TimelineEntry(now, by, Phase.CLOSED, null, note(note)));
        recordEvent(id, new EmergencyClosed(id, outcome.name(), initialHandlingSucceeded, gridIds()), now);
    }

    /** Whether the caller with this account commands one of the sites. */
    boolean commandedBy(String accountId) {
        return accountId != null && sites.stream().anyMatch(site -> accountId.equals(site.commanderAccountId()));
    }

    Optional<Site> site(String gridId) {
        return sites.stream().filter(site -> site.gridId().equals(gridId)).findFirst();
    }

    List<String> gridIds() {
        return sites.stream().map(Site::gridId).toList();
    }

    private void requireActive() {
        if (status == Status.CLOSED) {
            throw new BusinessRuleViolation("emergency-closed", "the emergency was closed at " + closedAt, closedAt);
        }
    }

    private static String note(String note) {
        if (note != null && note.strip().length() > MAX_NOTE_LENGTH) {
            throw new BusinessRuleViolation("invalid-emergency-note", "a note has at most 1000 characters");
        }
        return note == null || note.isBlank() ? null : note.strip();
    }

    String id() {
        return id;
    }

    Kind kind() {
        return kind;
    }

    String title() {
        return title;
    }

    List<Site> sites() {
        return Collections.unmodifiableList(sites);
    }

    List<String> communityPaths() {
        return communityPaths;
    }

    Status status() {
        return status;
    }

    List<TimelineEntry> timeline() {
        return Collections.unmodifiableList(timeline);
    }

    Outcome outcome() {
        return outcome;
    }

    Boolean initialHandlingSucceeded() {
        return initialHandlingSucceeded;
    }

    String declaredBy() {
        return declaredBy;
    }

    Instant declaredAt() {
        return declaredAt;
    }

    Instant closedAt() {
        return closedAt;
    }

    /**
     * One grid of the incident and its on-site commander (the grid's active worker when declared; all
     * commander fields {@code null} when the grid had none).
     */
    record Site(String gridId, String gridName, String gridPath, String communityPath, String commanderAppointmentId,
                String commanderName, String commanderAccountId, Instant onSiteAt) {

        Site reachedAt(Instant at) {
            return new Site(gridId, gridName, gridPath, communityPath, commanderAppointmentId, commanderName,
                    commanderAccountId, at);
        }

        /** Time from declaration to reaching the site, {@code null} while not reached. */
        Duration timeToSite(Instant declaredAt) {
            return onSiteAt == null ? null : Duration.between(declaredAt, onSiteAt);
        }
    }

    /** One line of the timeline. */
    record TimelineEntry(Instant at, String by, Phase phase, String gridId, String note) {
    }

    enum Kind {
        FLOOD, FIRE, LANDSLIDE, GAS_LEAK, EPIDEMIC, SNOW, OTHER
    }

    enum Status {
        ACTIVE, CLOSED
    }

    /** Phases of the timeline: declared, reached on site, being handled, contained, closed. */
    enum Phase {
        DECLARED, ON_SITE, HANDLING, CONTAINED, CLOSED
    }

    /** How it ended; the event contract names the same values. */
    enum Outcome {
        CONTAINED, RESOLVED, ESCALATED_TO_COUNTY
    }
}
