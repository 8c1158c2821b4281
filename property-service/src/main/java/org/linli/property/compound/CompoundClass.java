package org.linli.property.compound;

/**
 * Who answers for a compound by its class (Huguan, seed 002): the housing department for commercial compounds, the
 * township or street for old or unmanaged ones, the employer's party committee for work-unit compounds. The class
 * decides which department receives the compound's escalated housing issues (issue-service, from CompoundCreated)
 * and which department may sanction its company here; admins' powers do not change with it.
 */
public enum CompoundClass {
    COMMERCIAL("商品房小区", "住建部门"),
    OLD_OR_UNMANAGED("老旧或无物业小区", "乡镇（街道）"),
    WORK_UNIT("单位小区", "产权单位党组织");

    private final String label;
    private final String responsibleBody;

    CompoundClass(String label, String responsibleBody) {
        this.label = label;
        this.responsibleBody = responsibleBody;
    }

    /** The class a compound of this kind has unless registered otherwise (village-built ones count as old). */
    static CompoundClass of(CompoundKind kind) {
        return switch (kind) {
            case COMMERCIAL -> COMMERCIAL;
            case VILLAGE_BUILT -> OLD_OR_UNMANAGED;
            case WORK_UNIT -> WORK_UNIT;
        };
    }

    public String label() {
        return label;
    }

    /** The body that answers for compounds of the class, as a screen names it. */
    public String responsibleBody() {
        return responsibleBody;
    }
}
