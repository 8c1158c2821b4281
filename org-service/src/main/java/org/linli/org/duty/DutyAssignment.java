package org.linli.org.duty;

import java.time.Instant;
import org.linli.org.unit.OrgUnitDirectory.UnitView;
import org.linli.org.unit.ScopePath;
import org.linli.platform.domain.NewIds;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who holds a duty role where: an account holding {@link DutyRole} in a unit (an alley's branch, a grid, a community),
 * recorded by an admin covering the unit. Org-service has no other record that says so: a cross-appointment
 * (appointment package) is a free-text role in an owners' committee or company, a party member's {@code duty} is the
 * text of the public board, and an account's roles say what it may do, not which quota it owes. One per account and
 * role; the nearest quota above its unit applies.
 */
@Document("duty_assignments")
@CompoundIndex(name = "accountId_role", def = "{'accountId': 1, 'role': 1}", unique = true)
public class DutyAssignment {

    @Id
    private String id;
    private String accountId;
    private String name;
    private DutyRole role;
    private String unitId;
    @Indexed // the holders of a community's report and an admin's list
    @ScopePath
    private String unitPath;
    private String assignedBy;
    private Instant assignedAt;

    protected DutyAssignment() {
        // for the mapping layer
    }

    static DutyAssignment assign(String accountId, String name, DutyRole role, UnitView unit, String by, Instant now) {
        DutyAssignment assignment = new DutyAssignment();
        assignment.id = NewIds.next();
        assignment.accountId = accountId;
        assignment.name = name;
        assignment.role = role;
        assignment.unitId = unit.id();
        assignment.unitPath = unit.path();
        assignment.assignedBy = by;
        assignment.assignedAt = now;
        return assignment;
    }

    public String id() {
        return id;
    }

    public String accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }

    public DutyRole role() {
        return role;
    }

    public String unitId() {
        return unitId;
    }

    public String unitPath() {
        return unitPath;
    }

    public String assignedBy() {
        return assignedBy;
    }

    public Instant assignedAt() {
        return assignedAt;
    }
}
