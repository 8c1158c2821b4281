package org.linli.org.personaldata;

/**
 * The services that hold personal data, each answering {@code GET path} with what it holds about the caller and
 * {@code GET /api/v1/audit-trails/{audit}/reads-of-me} with who read the caller's data unmasked.
 */
public enum PersonalDataPart {
    ORG("org", null),
    GRID("grid", "/api/v1/personal-data/grid"),
    ISSUE("issue", "/api/v1/personal-data/issues"),
    PROPERTY("property", "/api/v1/personal-data/property"),
    POINTS("points", "/api/v1/personal-data/points");

    private final String audit;
    private final String path;

    PersonalDataPart(String audit, String path) {
        this.audit = audit;
        this.path = path;
    }

    /** The service's name in the audit trail's path. */
    public String audit() {
        return audit;
    }

    /** The path of the service's own part through the gateway; {@code null} for org-service, which assembles. */
    public String path() {
        return path;
    }
}
