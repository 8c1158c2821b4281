package org.linli.org.member;

import java.time.LocalDate;

/**
 * An in-service member's registration at the community where it lives (在职党员"双报到").
 *
 * @param workUnit             the employer whose party organisation the member belongs to
 * @param residenceCommunityId the community committee it registered at
 * @param registeredOn         when it registered there
 */
public record DualRegistration(String workUnit, String residenceCommunityId, LocalDate registeredOn) {

    boolean complete() {
        return workUnit != null && !workUnit.isBlank() && residenceCommunityId != null && registeredOn != null;
    }
}
