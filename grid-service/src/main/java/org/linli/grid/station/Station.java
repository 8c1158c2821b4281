package org.linli.grid.station;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.linli.grid.copies.KnownPartyMembers.KnownPartyMember;
import org.linli.platform.domain.BusinessRuleViolation;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A service station (党群服务站 / 城市驿站 / 网格驿站 / 邻里中心) at a point inside its grid: opening hours,
 * the services it offers, the "八有" checklist, its star rating with the history of 晋星/降星/摘星, the duty
 * roster of party members of its community and its volunteer posts. It copies the grid's path and
 * community, so a caller's scope is one prefix query on {@code communityPath}.
 *
 * <p><b>Stars and 八有.</b> A promotion to 1 or 2 stars needs at least {@value #EIGHT_HAVES_FOR_LOW_STARS} of
 * the eight items met, to 3 stars or more all eight (422 {@code eight-haves-incomplete}). Unticking an item
 * later does not demote by itself: {@link #meetsStarStandard()} turns false and the admins decide.
 *
 * <p><b>Duty roster.</b> A shift names a party member who serves in the station's community (their branch
 * lies in it, or they registered there as an in-service member, 双报到), a date between
 * {@value #DUTY_DAYS_BACK} days ago and {@value #DUTY_DAYS_AHEAD} days ahead and a post; the same member,
 * date and post only once. Shifts older than {@value #DUTY_KEEP_DAYS} days are dropped on the next change,
 * so the document stays bounded (at most {@value #MAX_DUTIES} shifts).
 */
@Document("stations")
class Station {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_ADDRESS_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 200;
    static final int MAX_REASON_LENGTH = 500;
    static final int MAX_SERVICES = 30;
    static final int MAX_VOLUNTEER_POSTS = 20;
    static final int MAX_VOLUNTEER_SLOTS = 50;
    static final int MAX_STARS = 5;
    static final int EIGHT_HAVES_FOR_LOW_STARS = 6;
    static final int FULL_STANDARD_FROM_STARS = 3;
    static final int MAX_DUTIES = 1000;
    static final int DUTY_DAYS_AHEAD = 90;
    static final int DUTY_DAYS_BACK = 30;
    static final int DUTY_KEEP_DAYS = 180;

    @Id
    private String id;
    private String name;
    private StationKind kind;
    @Indexed
    private String gridId;
    @Indexed // the list filtered by grid (its subtree)
    private String gridPath;
    @Indexed
    private String communityUnitId;
    @Indexed
    private String communityPath;
    private Location location;
    private String address;
    private OpeningHours openingHours;
    private List<OfferedService> services = new ArrayList<>();
    private Set<EightHave> eightHaves = EnumSet.noneOf(EightHave.class);
    private int stars;
    private List<StarChange> starHistory = new ArrayList<>();
    private List<Duty> duties = new ArrayList<>();
    private List<VolunteerPost> volunteerPosts = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected Station() {
        // for the mapping layer
    }

    /** Opens a station in a grid; its location must lie inside the grid (422 {@code station-outside-grid}). */
    static Station open(GridPlace place, Description description, Instant now) {
        Objects.requireNonNull(description.kind(), "kind");
        Objects.requireNonNull(description.location(), "location");
        Station station = new Station();
        station.id = UUID.randomUUID().toString();
        station.gridId = place.grid().id();
        station.gridPath = place.grid().path();
        station.communityUnitId = place.grid().communityUnitId();
        station.communityPath = place.grid().communityPath();
        station.openingHours = OpeningHours.of(List.of());
        station.createdAt = now;
        station.describe(place, description, now);
        return station;
    }

    /**
     * Changes what is given ({@code null} leaves a field, an empty list clears services, hours or posts);
     * a new location must lie inside the station's grid ({@code place}).
     */
    void describe(GridPlace place, Description description, Instant now) {
        if (!place.grid().id().equals(gridId)) {
            throw new IllegalArgumentException("the place is not the station's grid");
        }
        String newName = description.name() == null ? name : validName(description.name());
        if (newName == null) {
            throw new BusinessRuleViolation("invalid-station-name", "a station name has 1 to 100 characters");
        }
        if (description.location() != null && !place.covers(description.location())) {
            throw new BusinessRuleViolation("station-outside-grid", "the station's location lies outside grid "
                    + place.grid().name(), description.location().lat(), description.location().lng(),
                    place.grid().name());
        }
        List<OfferedService> newServices = description.services() == null ? services : services(description.services());
        List<VolunteerPost> newPosts = description.volunteerPosts() == null ? volunteerPosts
                : volunteerPosts(description.volunteerPosts());
        OpeningHours newHours = description.openingHours() == null ? openingHours
                : OpeningHours.of(description.openingHours().periods());
        name = newName;
        if (description.kind() != null) {
            kind = description.kind();
        }
        if (description.location() != null) {
            location = description.location();
        }
        if (description.address() != null) {
            address = description.address().isBlank() ? null : text(description.address(), MAX_ADDRESS_LENGTH, "address");
        }
        openingHours = newHours;
        services = newServices;
        volunteerPosts = newPosts;
        updatedAt = now;
    }

    /** Sets which of the "八有" items the station meets. */
    void assess(Set<EightHave> met, Instant now) {
        eightHaves = met == null || met.isEmpty() ? EnumSet.noneOf(EightHave.class) : EnumSet.copyOf(met);
        updatedAt = now;
    }

    /**
     * 晋星 / 降星 / 摘星 to {@code to} stars (0..5) with a reason, effective {@code on} (not after today, not before
     * the last change). A promotion needs the "八有" items of {@link #requiredEightHaves(int)}.
     */
    StarChange changeStars(int to, String reason, LocalDate on, LocalDate today, Instant now) {
        if (to < 0 || to > MAX_STARS) {
            throw new BusinessRuleViolation("invalid-star-level", "a star rating lies between 0 and 5", to);
        }
        if (to == stars) {
            throw new BusinessRuleViolation("invalid-star-change", "the station already has " + to + " stars", to);
        }
        String why = text(reason, MAX_REASON_LENGTH, "reason");
        if (why == null) {
            throw new BusinessRuleViolation("star-reason-required", "a star change needs a reason");
        }
        LocalDate effective = on == null ? today : on;
        LocalDate last = starHistory.isEmpty() ? null : starHistory.get(starHistory.size() - 1).on();
        if (effective.isAfter(today) || (last != null && effective.isBefore(last))) {
            throw new BusinessRuleViolation("invalid-star-date", "a star change takes effect between the last change "
                    + "and today", effective, last == null ? "-" : last, today);
        }
        if (to > stars && eightHaves.size() < requiredEightHaves(to)) {
            Set<EightHave> unmet = EnumSet.allOf(EightHave.class);
            unmet.removeAll(eightHaves);
            String missing = unmet.stream().map(EightHave::label).collect(Collectors.joining("、"));
            throw new BusinessRuleViolation("eight-haves-incomplete", to + " stars need " + requiredEightHaves(to)
                    + " of the eight items met, the station meets " + eightHaves.size(), to, requiredEightHaves(to),
                    eightHaves.size(), missing);
        }
        StarChangeKind change = to > stars ? StarChangeKind.PROMOTION
                : to == 0 ? StarChangeKind.REMOVAL : StarChangeKind.DEMOTION;
        StarChange recorded = new StarChange(change, stars, to, why, effective, now);
        starHistory.add(recorded);
        stars = to;
        updatedAt = now;
        return recorded;
    }

    /**
     * Puts a party member of the station's community on duty (422 {@code member-outside-community},
     * {@code duty-date-out-of-range}, {@code duplicate-duty}, {@code roster-full}).
     */
    Duty addDuty(LocalDate date, KnownPartyMember member, DutyPost post, String note, LocalDate today, Instant now) {
        Objects.requireNonNull(post, "post");
        if (!member.servesIn(communityUnitId, communityPath)) {
            throw new BusinessRuleViolation("member-outside-community", "party member " + member.id()
                    + " does not serve in the station's community", member.name());
        }
        if (date.isBefore(today.minusDays(DUTY_DAYS_BACK)) || date.isAfter(today.plusDays(DUTY_DAYS_AHEAD))) {
            throw new BusinessRuleViolation("duty-date-out-of-range", "a duty lies between " + DUTY_DAYS_BACK
                    + " days ago and " + DUTY_DAYS_AHEAD + " days ahead", date, DUTY_DAYS_BACK, DUTY_DAYS_AHEAD);
        }
        duties.removeIf(duty -> duty.date().isBefore(today.minusDays(DUTY_KEEP_DAYS)));
        if (duties.stream().anyMatch(duty -> duty.date().equals(date) && duty.memberId().equals(member.id())
                && duty.post() == post)) {
            throw new BusinessRuleViolation("duplicate-duty", "the member already has this post on this date",
                    member.name(), date, post.label());
        }
        if (duties.size() >= MAX_DUTIES) {
            throw new BusinessRuleViolation("roster-full", "a roster holds at most " + MAX_DUTIES + " shifts",
                    MAX_DUTIES);
        }
        Duty duty = new Duty(UUID.randomUUID().toString(), date, member.id(), member.name(), post,
                text(note, MAX_TEXT_LENGTH, "note"), now);
        duties.add(duty);
        duties.sort(Comparator.comparing(Duty::date).thenComparing(Duty::post).thenComparing(Duty::memberName));
        updatedAt = now;
        return duty;
    }

    /** Takes a shift off the roster (404 when unknown). */
    void removeDuty(String dutyId, Instant now) {
        if (!duties.removeIf(duty -> duty.id().equals(dutyId))) {
            throw new NotFoundException("duty", dutyId);
        }
        updatedAt = now;
    }

    /** How many of the eight items a promotion to {@code stars} needs. */
    static int requiredEightHaves(int stars) {
        if (stars <= 0) {
            return 0;
        }
        return stars >= FULL_STANDARD_FROM_STARS ? EightHave.values().length : EIGHT_HAVES_FOR_LOW_STARS;
    }

    /** Met items / 8, rounded to 4 decimals. */
    double eightHavesShare() {
        return Math.round(eightHaves.size() * 10_000.0 / EightHave.values().length) / 10_000.0;
    }

    /** Whether the station still meets the items its current star level needs. */
    boolean meetsStarStandard() {
        return eightHaves.size() >= requiredEightHaves(stars);
    }

    private static List<OfferedService> services(List<OfferedService> offered) {
        if (offered.size() > MAX_SERVICES) {
            throw new BusinessRuleViolation("invalid-services", "at most " + MAX_SERVICES + " services", MAX_SERVICES);
        }
        List<OfferedService> result = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (OfferedService service : offered) {
            if (service == null || service.amenity() == null) {
                throw new BusinessRuleViolation("invalid-services", "every service names an amenity", MAX_SERVICES);
            }
            String text = text(service.text(), 50, "service text");
            if (service.amenity() == Amenity.OTHER && text == null) {
                throw new BusinessRuleViolation("other-service-needs-text", "an OTHER service says what it is");
            }
            OfferedService clean = new OfferedService(service.amenity(), service.amenity() == Amenity.OTHER ? text : null);
            if (!seen.add(clean.amenity() == Amenity.OTHER ? clean.text() : clean.amenity())) {
                continue;
            }
            result.add(clean);
        }
        return result;
    }

    private static List<VolunteerPost> volunteerPosts(List<VolunteerPost> posts) {
        if (posts.size() > MAX_VOLUNTEER_POSTS) {
            throw new BusinessRuleViolation("invalid-volunteer-posts", "at most " + MAX_VOLUNTEER_POSTS
                    + " volunteer posts", MAX_VOLUNTEER_POSTS, MAX_VOLUNTEER_SLOTS);
        }
        List<VolunteerPost> result = new ArrayList<>();
        for (VolunteerPost post : posts) {
            if (post == null || post.post() == null || post.slots() < 1 || post.slots() > MAX_VOLUNTEER_SLOTS) {
                throw new BusinessRuleViolation("invalid-volunteer-posts", "a volunteer post has a post and 1 to "
                        + MAX_VOLUNTEER_SLOTS + " slots", MAX_VOLUNTEER_POSTS, MAX_VOLUNTEER_SLOTS);
            }
            result.add(new VolunteerPost(post.post(), post.slots(), text(post.description(), MAX_TEXT_LENGTH,
                    "description")));
        }
        return result;
    }

    private static String validName(String name) {
        if (name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
            throw new BusinessRuleViolation("invalid-station-name", "a station name has 1 to 100 characters");
        }
        return name.strip();
    }

    private static String text(String value, int max, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw new BusinessRuleViolation("text-too-long", what + " has at most " + max + " characters", what, max);
        }
        return value.strip();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public StationKind kind() {
        return kind;
    }

    public String gridId() {
        return gridId;
    }

    public String gridPath() {
        return gridPath;
    }

    public String communityUnitId() {
        return communityUnitId;
    }

    public String communityPath() {
        return communityPath;
    }

    public Location location() {
        return location;
    }

    public String address() {
        return address;
    }

    public OpeningHours openingHours() {
        return openingHours == null ? new OpeningHours(List.of()) : openingHours;
    }

    public List<OfferedService> services() {
        return Collections.unmodifiableList(services);
    }

    public Set<EightHave> eightHaves() {
        return eightHaves.isEmpty() ? EnumSet.noneOf(EightHave.class) : EnumSet.copyOf(eightHaves);
    }

    public int stars() {
        return stars;
    }

    public List<StarChange> starHistory() {
        return Collections.unmodifiableList(starHistory);
    }

    public List<Duty> duties() {
        return Collections.unmodifiableList(duties);
    }

    public List<VolunteerPost> volunteerPosts() {
        return Collections.unmodifiableList(volunteerPosts);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Long version() {
        return version;
    }

    @Override
    public String toString() {
        return "Station[" + id + ", " + name + "]";
    }

    /** A WGS-84 position. */
    public record Location(double lat, double lng) {
    }

    /** A service the station offers; {@code text} only for {@link Amenity#OTHER}. */
    public record OfferedService(Amenity amenity, String text) {
    }

    /** A volunteer post (志愿岗) with the number of volunteers it takes. */
    public record VolunteerPost(DutyPost post, int slots, String description) {
    }

    /** One change of the star rating. */
    public record StarChange(StarChangeKind kind, int from, int to, String reason, LocalDate on, Instant recordedAt) {
    }

    /** A party member on duty at the station on a date, at a post. */
    public record Duty(String id, LocalDate date, String memberId, String memberName, DutyPost post, String note,
                       Instant recordedAt) {
    }

    /** What describes a station; {@code null} fields stay as they are on a change. */
    record Description(String name, StationKind kind, Location location, String address, OpeningHours openingHours,
                       List<OfferedService> services, List<VolunteerPost> volunteerPosts) {
    }
}
