package org.linli.org.identity;

import org.linli.platform.domain.BusinessRuleViolation;

/** The bootstrap admin already created the first holder of this duty: 409 {@code duty-already-handed-over}. */
class DutyAlreadyHandedOver extends BusinessRuleViolation {

    DutyAlreadyHandedOver(Role duty) {
        super("duty-already-handed-over", "the first " + duty + " exists; the security administrator grants the duty "
                + "to further accounts", duty);
    }
}
