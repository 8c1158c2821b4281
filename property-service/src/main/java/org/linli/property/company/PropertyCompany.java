package org.linli.property.company;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A property-management company (物业服务企业), registered county-wide under its unified social credit
 * code (unique). State-owned companies and those the county has qualified may take over a compound's
 * temporary or fallback (兜底) service. Star level 0 (unrated) to 5 (评星定级).
 */
@Document("companies")
public class PropertyCompany {

    static final int MAX_NAME_LENGTH = 100;

    @Id
    private String id;
    private String name;
    @Indexed(unique = true)
    private String creditCode;
    private boolean stateOwned;
    private boolean fallbackQualified;
    private int starLevel;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected PropertyCompany() {
        // for the mapping layer
    }

    private PropertyCompany(String id, String name, CreditCode creditCode, boolean stateOwned, boolean fallbackQualified,
                            Instant now) {
        this.id = id;
        this.name = validName(name);
        this.creditCode = creditCode.value();
        this.stateOwned = stateOwned;
        this.fallbackQualified = fallbackQualified;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static PropertyCompany register(String name, CreditCode creditCode, boolean stateOwned,
                                           boolean fallbackQualified, Instant now) {
        return withId(UUID.randomUUID().toString(), name, creditCode, stateOwned, fallbackQualified, now);
    }

    /** A company with a given id: the demo's companies line up with org-service's demo party coverage by id. */
    public static PropertyCompany withId(String id, String name, CreditCode creditCode, boolean stateOwned,
                                         boolean fallbackQualified, Instant now) {
        return new PropertyCompany(Objects.requireNonNull(id), name, creditCode, stateOwned, fallbackQualified, now);
    }

    /** Grades the company (评星定级): 1 to 5 stars, 0 to withdraw the grade. */
    public void grade(int stars, Instant now) {
        if (stars < 0 || stars > 5) {
            throw new BusinessRuleViolation("invalid-star-level", "a star level is 0 to 5", stars);
        }
        starLevel = stars;
        updatedAt = now;
    }

    /** Qualifies the company, or withdraws its qualification, for temporary and fallback service. */
    public void qualifyForFallback(boolean qualified, Instant now) {
        fallbackQualified = qualified;
        updatedAt = now;
    }

    /** Whether it may take over a compound's fallback (兜底) service: state-owned or qualified. */
    public boolean mayServeAsFallback() {
        return stateOwned || fallbackQualified;
    }

    private static String validName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
            throw new BusinessRuleViolation("invalid-company-name", "a company name has 1 to 100 characters");
        }
        return name.strip();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String creditCode() {
        return creditCode;
    }

    public boolean stateOwned() {
        return stateOwned;
    }

    public boolean fallbackQualified() {
        return fallbackQualified;
    }

    public int starLevel() {
        return starLevel;
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
}
