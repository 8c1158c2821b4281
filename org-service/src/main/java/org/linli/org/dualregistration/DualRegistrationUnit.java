package org.linli.org.dualregistration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.linli.events.org.DualRegistrationUnitRegistered;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A county department registered with communities (双报到单位): it is paired with communities, makes
 * commitments to them, must claim at least one livelihood project a year (承包制) and is scored by each
 * paired community at year end, once per community and year. The micro-wishes it fulfilled for a
 * community (claimed in issue-service) are recorded from MicroWishFulfilled. Registering records
 * DualRegistrationUnitRegistered (property-service assigns units to difficult compounds, 包保).
 */
@Document("dual_registration_units")
public class DualRegistrationUnit extends AggregateRoot {

    static final int MIN_SCORE = 0;
    static final int MAX_SCORE = 100;

    @Id
    private String id;
    private String name;
    private List<Pairing> pairings = new ArrayList<>();
    private List<Commitment> commitments = new ArrayList<>();
    private List<ClaimedProject> projects = new ArrayList<>();
    private List<YearEndScore> yearEndScores = new ArrayList<>();
    /** Written only by {@link FulfilledWishes} (from issue-service's MicroWishFulfilled). */
    private List<FulfilledWish> fulfilledWishes = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;

    protected DualRegistrationUnit() {
        // for the mapping layer
    }

    private DualRegistrationUnit(String name, List<Pairing> pairings, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.name = Objects.requireNonNull(name, "name").strip();
        this.pairings = new ArrayList<>(pairings);
        this.createdAt = now;
        this.updatedAt = now;
        recordEvent(id, new DualRegistrationUnitRegistered(id, this.name,
                pairings.stream().map(Pairing::communityId).toList()), now);
    }

    /** A department paired with communities (their ids and paths). */
    public static DualRegistrationUnit register(String name, List<Pairing> pairings, Instant now) {
        return new DualRegistrationUnit(name, pairings, now);
    }

    public void commit(String communityId, String text, Instant now) {
        requirePaired(communityId);
        commitments.add(new Commitment(communityId, Objects.requireNonNull(text, "text").strip()));
        updatedAt = now;
    }

    public ClaimedProject claimProject(int year, String communityId, String title, Instant now) {
        requirePaired(communityId);
        ClaimedProject project = new ClaimedProject(UUID.randomUUID().toString(), year, communityId,
                Objects.requireNonNull(title, "title").strip(), ProjectStatus.CLAIMED);
        projects.add(project);
        updatedAt = now;
        return project;
    }

    public void completeProject(String projectId, Instant now) {
        ClaimedProject project = project(projectId);
        if (project.status() == ProjectStatus.DONE) {
            throw new BusinessRuleViolation("project-already-done", "the project is already done", project.title());
        }
        projects.set(projects.indexOf(project), project.done());
        updatedAt = now;
    }

    /** A paired community's year-end score: 0 to 100, one per community and year. */
    public void score(int year, String communityId, int score, Instant now) {
        requirePaired(communityId);
        if (score < MIN_SCORE || score > MAX_SCORE) {
            throw new BusinessRuleViolation("invalid-score", "a score is 0 to 100", String.valueOf(score));
        }
        if (yearEndScores.stream().anyMatch(given -> given.year() == year && given.communityId().equals(communityId))) {
            throw new BusinessRuleViolation("score-already-given", "the community already scored this unit for the year",
                    String.valueOf(year));
        }
        yearEndScores.add(new YearEndScore(year, communityId, score));
        updatedAt = now;
    }

    public ClaimedProject project(String projectId) {
        return projects.stream().filter(project -> project.id().equals(projectId)).findFirst()
                .orElseThrow(() -> new NotFoundException("dual-registration-project", projectId));
    }

    private void requirePaired(String communityId) {
        if (pairings.stream().noneMatch(pairing -> pairing.communityId().equals(communityId))) {
            throw new BusinessRuleViolation("not-paired", "the unit is not paired with this community", name, communityId);
        }
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<Pairing> pairings() {
        return Collections.unmodifiableList(pairings);
    }

    public List<String> pairedCommunityIds() {
        return pairings.stream().map(Pairing::communityId).toList();
    }

    public List<Commitment> commitments() {
        return Collections.unmodifiableList(commitments);
    }

    public List<ClaimedProject> projects() {
        return Collections.unmodifiableList(projects);
    }

    public List<YearEndScore> yearEndScores() {
        return Collections.unmodifiableList(yearEndScores);
    }

    public List<FulfilledWish> fulfilledWishes() {
        return fulfilledWishes == null ? List.of() : Collections.unmodifiableList(fulfilledWishes);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
