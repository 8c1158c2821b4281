package org.linli.property.supervision;

import java.time.Instant;
import java.time.LocalDate;
import org.linli.events.property.PropertySupervisorAppointed;
import org.linli.events.property.PropertySupervisorDismissed;
import org.linli.platform.messaging.AggregateRoot;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A resident property supervisor (物业监督员): a resident (by their Linli account) appointed by the community for a
 * compound. While appointed they file supervision records on the compound's rectifications and sign off a completed
 * one, which a passing third-party acceptance needs. One appointment per resident and compound: the id is
 * {@code compoundId/accountId}, so appointing twice cannot store two. Appointing (again) records
 * PropertySupervisorAppointed, dismissing PropertySupervisorDismissed; they name the resident by account only.
 */
@Document("property_supervisors")
public class Supervisor extends AggregateRoot {

    static final int MAX_NAME = 50;

    @Id
    private String id;
    @Indexed
    private String compoundId;
    @Indexed
    private String communityPath;
    private String accountId;
    private String name;
    private LocalDate appointedOn;
    private String appointedBy;
    private LocalDate dismissedOn;
    private String dismissedBy;
    private Instant updatedAt;

    protected Supervisor() {
        // for the mapping layer
    }

    private Supervisor(String compoundId, String communityPath, String accountId, String name, LocalDate today,
                       String appointedBy, Instant now) {
        this.id = idOf(compoundId, accountId);
        this.compoundId = compoundId;
        this.communityPath = communityPath;
        this.accountId = accountId;
        this.name = name.strip();
        this.appointedOn = today;
        this.appointedBy = appointedBy;
        this.updatedAt = now;
        recordAppointed(now);
    }

    static Supervisor appoint(String compoundId, String communityPath, String accountId, String name, LocalDate today,
                              String appointedBy, Instant now) {
        return new Supervisor(compoundId, communityPath, accountId, name, today, appointedBy, now);
    }

    static String idOf(String compoundId, String accountId) {
        return compoundId + "/" + accountId;
    }

    /** Appoints a dismissed supervisor again (the history keeps only the latest appointment). */
    void reappoint(String name, LocalDate today, String appointedBy, Instant now) {
        if (active()) {
            throw new BusinessRuleViolation("already-supervisor", "the resident is already a supervisor of the compound",
                    accountId);
        }
        this.name = name.strip();
        this.appointedOn = today;
        this.appointedBy = appointedBy;
        this.dismissedOn = null;
        this.dismissedBy = null;
        this.updatedAt = now;
        recordAppointed(now);
    }

    void dismiss(LocalDate today, String by, Instant now) {
        if (!active()) {
            throw new BusinessRuleViolation("not-a-supervisor", "the resident is no supervisor of the compound", accountId);
        }
        this.dismissedOn = today;
        this.dismissedBy = by;
        this.updatedAt = now;
        recordEvent(id, new PropertySupervisorDismissed(compoundId, communityPath, accountId, dismissedOn), now);
    }

    private void recordAppointed(Instant now) {
        recordEvent(id, new PropertySupervisorAppointed(compoundId, communityPath, accountId, appointedOn), now);
    }

    boolean active() {
        return dismissedOn == null;
    }

    public String id() {
        return id;
    }

    public String compoundId() {
        return compoundId;
    }

    public String communityPath() {
        return communityPath;
    }

    public String accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public LocalDate appointedOn() {
        return appointedOn;
    }

    public LocalDate dismissedOn() {
        return dismissedOn;
    }
}
