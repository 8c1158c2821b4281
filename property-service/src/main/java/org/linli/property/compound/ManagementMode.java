package org.linli.property.compound;

/**
 * How a compound is managed. {@code PROFESSIONAL} while a company's contract is in force; otherwise one of
 * the five modes for compounds without a company (统管/接管/直管/自管/助管), or {@code UNMANAGED}, which
 * the county drives to zero (动态清零).
 */
public enum ManagementMode {
    PROFESSIONAL("专业化物业服务", false),
    UNIFIED("统管", true),
    TAKEN_OVER("接管", true),
    DIRECT("直管", true),
    SELF("自管", true),
    ASSISTED("助管", true),
    UNMANAGED("无物业管理", false);

    private final String label;
    private final boolean withoutCompany;

    ManagementMode(String label, boolean withoutCompany) {
        this.label = label;
        this.withoutCompany = withoutCompany;
    }

    public String label() {
        return label;
    }

    /** One of the five modes a compound without a company may be put under. */
    public boolean withoutCompany() {
        return withoutCompany;
    }
}
