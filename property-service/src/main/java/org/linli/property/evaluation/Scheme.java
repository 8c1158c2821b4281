package org.linli.property.evaluation;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A scoring scheme as data: items with integer weights summing to 100, each scored by inspection, residents
 * or the organisation; the residents' items weigh at least 50 (owners' weight 50%, Fenyi). A scheme applies
 * from its first month until a later one takes over; months are scored with the scheme in force then.
 */
@Document("schemes")
public class Scheme {

    static final int MIN_RESIDENTS_WEIGHT = 50;

    @Id
    private String id;
    private String name;
    @Indexed(unique = true)
    private String effectiveFrom;
    private List<Item> items;
    private Instant createdAt;

    protected Scheme() {
        // for the mapping layer
    }

    private Scheme(String id, String name, YearMonth effectiveFrom, List<Item> items, Instant createdAt) {
        this.id = id;
        this.name = name;
        this.effectiveFrom = effectiveFrom.toString();
        this.items = List.copyOf(items);
        this.createdAt = createdAt;
    }

    public static Scheme define(String name, YearMonth effectiveFrom, List<Item> items, Instant now) {
        if (name == null || name.isBlank()) {
            throw new BusinessRuleViolation("invalid-scheme", "a scheme has a name");
        }
        if (items == null || items.isEmpty()) {
            throw new BusinessRuleViolation("invalid-scheme", "a scheme has at least one item");
        }
        Set<String> codes = new HashSet<>();
        int total = 0;
        int residents = 0;
        for (Item item : items) {
            if (item.weight() <= 0 || !codes.add(item.code())) {
                throw new BusinessRuleViolation("invalid-scheme", "item codes are unique and weights positive: " + item.code());
            }
            total += item.weight();
            residents += item.scorer() == Scorer.RESIDENTS ? item.weight() : 0;
        }
        if (total != 100) {
            throw new BusinessRuleViolation("weights-not-100", "the weights add up to " + total + ", not 100", total);
        }
        if (residents < MIN_RESIDENTS_WEIGHT) {
            throw new BusinessRuleViolation("residents-weight-too-low",
                    "the residents' items weigh " + residents + ", at least 50 required", residents);
        }
        return new Scheme(UUID.randomUUID().toString(), name.strip(), Objects.requireNonNull(effectiveFrom), items, now);
    }

    /**
     * The scheme used while none is defined: three-way evaluation (organisation, owners, quality) with the
     * owners' weight at 50%.
     */
    public static Scheme standard() {
        return new Scheme("standard", "三方评价（默认）", YearMonth.of(2000, 1), List.of(
                new Item("ENVIRONMENT", "环境卫生", Scorer.INSPECTION, 15),
                new Item("FACILITIES", "设施设备维护", Scorer.INSPECTION, 15),
                new Item("PARTY_BUILDING", "党建引领与社区共治", Scorer.ORGANISATION, 20),
                new Item("SATISFACTION", "业主满意度", Scorer.RESIDENTS, 50)), Instant.EPOCH);
    }

    public Optional<Item> item(String code) {
        return items.stream().filter(item -> item.code().equals(code)).findFirst();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public YearMonth effectiveFrom() {
        return YearMonth.parse(effectiveFrom);
    }

    public List<Item> items() {
        return items;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** An item: code, display name, who scores it, weight out of 100. */
    public record Item(String code, String name, Scorer scorer, int weight) {
    }
}
