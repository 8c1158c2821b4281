package org.linli.issue.issue;

import java.util.Objects;
import java.util.Optional;

/**
 * How far up an issue went along grid → community → street → department (吹哨): its level, the unit responsible
 * there, and the department called in past the street ({@code null} when none is: escalation stops at the street).
 * Stored flat in the issue's document ({@code @Unwrapped}), under the field names it always had, which the
 * department staff's list queries and indexes.
 */
record Escalation(EscalationLevel level, String responsibleUnitId, String departmentUnitId) {

    /** Where a new issue starts: its grid's level, else its community's, else the county's queue. */
    static Escalation startingAt(Placement placement, String departmentUnitId) {
        return placement.gridId() != null ? new Escalation(EscalationLevel.GRID, placement.gridId(), departmentUnitId)
                : placement.communityUnitId() != null
                ? new Escalation(EscalationLevel.COMMUNITY, placement.communityUnitId(), departmentUnitId)
                : new Escalation(EscalationLevel.COUNTY, null, departmentUnitId);
    }

    /** Handed to a unit by a joint meeting: it sits at department level, with that unit responsible. */
    static Escalation redirectedTo(String unitId) {
        return new Escalation(EscalationLevel.DEPARTMENT, Objects.requireNonNull(unitId), unitId);
    }

    /** One level up, skipping levels whose unit is unknown; empty at the top (department or county). */
    Optional<Escalation> up(Placement placement) {
        EscalationLevel next = level;
        String target = null;
        while (target == null && next != EscalationLevel.DEPARTMENT && next != EscalationLevel.COUNTY) {
            next = switch (next) {
                case GRID -> EscalationLevel.COMMUNITY;
                case COMMUNITY -> EscalationLevel.STREET;
                default -> EscalationLevel.DEPARTMENT;
            };
            target = switch (next) {
                case COMMUNITY -> placement.communityUnitId();
                case STREET -> placement.streetUnitId();
                default -> departmentUnitId;
            };
        }
        return target == null ? Optional.empty() : Optional.of(new Escalation(next, target, departmentUnitId));
    }

    boolean atDepartment() {
        return level == EscalationLevel.DEPARTMENT;
    }
}
