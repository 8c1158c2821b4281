package org.linli.org.dualregistration;

/** A livelihood project a unit claimed for a paired community in a year (承包制). */
public record ClaimedProject(String id, int year, String communityId, String title, ProjectStatus status) {

    ClaimedProject done() {
        return new ClaimedProject(id, year, communityId, title, ProjectStatus.DONE);
    }
}
