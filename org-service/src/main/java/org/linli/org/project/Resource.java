package org.linli.org.project;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * 资源清单: what a party member (skills, time), a dual-registration unit or a property company offers to the
 * communities it serves, in a category, with a monthly capacity (hours, places or times). Projects that use it
 * hold part of that capacity while they run and give it back when done or cancelled: {@code capacityLeft} changes
 * only by conditional {@code $inc} updates ({@code ProjectService}), never by saving a copy, so concurrent projects
 * cannot take more than is left. Scope is read through {@code communityIds} (ids do not change when a
 * community moves).
 */
@Document("resources")
// the resources serving a community (equality on the array), by category: lists and matching suggestions
@CompoundIndex(name = "communityIds_category", def = "{'communityIds': 1, 'category': 1}")
public class Resource {

    static final int MAX_TEXT = 2000;
    static final int MAX_CAPACITY = 10_000;
    static final int MAX_COMMUNITIES = 50;

    @Id
    private String id;
    private Provider provider;
    private NeedCategory category;
    private String description;
    private int capacity;
    private CapacityUnit capacityUnit;
    private int capacityLeft;
    private List<String> communityIds;
    private String offeredBy;
    private Instant offeredAt;
    @Version
    private Long version;

    protected Resource() {
        // for the mapping layer
    }

    /** What an offer says. */
    record Offer(NeedCategory category, String description, int capacity, CapacityUnit capacityUnit,
                 List<String> communityIds) {
    }

    static Resource offer(Provider provider, Offer offer, String by, Instant now) {
        if (offer.capacity() < 1 || offer.capacity() > MAX_CAPACITY) {
            throw new BusinessRuleViolation("invalid-capacity", "a capacity is 1 to " + MAX_CAPACITY,
                    offer.capacity(), MAX_CAPACITY);
        }
        Resource resource = new Resource();
        resource.id = UUID.randomUUID().toString();
        resource.provider = provider;
        resource.category = offer.category();
        resource.description = offer.description();
        resource.capacity = offer.capacity();
        resource.capacityUnit = offer.capacityUnit();
        resource.capacityLeft = offer.capacity();
        resource.communityIds = offer.communityIds().stream().distinct().toList();
        resource.offeredBy = by;
        resource.offeredAt = now;
        return resource;
    }

    /** 422 {@code capacity-exceeded}: less than {@code amount} is left. */
    BusinessRuleViolation tooLittleLeft(int amount) {
        return new BusinessRuleViolation("capacity-exceeded", "resource " + id + " has " + capacityLeft
                + " left, " + amount + " asked", id, capacityLeft, amount);
    }

    boolean serves(String communityId) {
        return communityIds.contains(communityId);
    }

    /** Serves only this community (a resident member's skill, a compound's company) rather than several. */
    boolean dedicatedTo(String communityId) {
        return communityIds.size() == 1 && serves(communityId);
    }

    /**
     * The matching suggestions' order for a need of {@code communityId}: resources dedicated to that community first,
     * then those shared with other communities; within each, most capacity left first, then the earliest offered.
     */
    static Comparator<Resource> bestFor(String communityId) {
        return Comparator.comparing((Resource resource) -> !resource.dedicatedTo(communityId))
                .thenComparing(Resource::capacityLeft, Comparator.reverseOrder())
                .thenComparing(Resource::offeredAt);
    }

    public String id() {
        return id;
    }

    public Provider provider() {
        return provider;
    }

    public NeedCategory category() {
        return category;
    }

    public String description() {
        return description;
    }

    public int capacity() {
        return capacity;
    }

    public CapacityUnit capacityUnit() {
        return capacityUnit;
    }

    public int capacityLeft() {
        return capacityLeft;
    }

    public List<String> communityIds() {
        return Collections.unmodifiableList(communityIds);
    }

    public String offeredBy() {
        return offeredBy;
    }

    public Instant offeredAt() {
        return offeredAt;
    }

    public Long version() {
        return version;
    }

    /** What a capacity counts, per month. */
    public enum CapacityUnit {
        /** 小时/月 */
        HOURS("小时/月"),
        /** 名额/月 */
        PLACES("名额/月"),
        /** 次/月 */
        TIMES("次/月");

        private final String label;

        CapacityUnit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
