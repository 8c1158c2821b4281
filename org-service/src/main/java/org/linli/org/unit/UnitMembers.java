package org.linli.org.unit;

/**
 * How many active party members belong to a unit: a unit with members cannot be deactivated.
 * Implemented by the member feature, so units do not depend on it.
 */
public interface UnitMembers {

    long activeMembersIn(String unitId);
}
