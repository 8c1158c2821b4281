package org.linli.grid.campaign;

/**
 * The hazard a rectification campaign (专项整治) goes after. The seeds report "飞线充电" and "占用消防通道"
 * campaigns: 168 actions, 560 flying leads removed, 160 blocked fire lanes cleared.
 */
enum Hazard {

    /** 飞线充电: e-bikes charged from a lead hung out of a window or across a corridor. */
    FLYING_LEAD_CHARGING("飞线充电"),
    /** 占用消防通道: a fire lane or fire exit blocked by parked vehicles or goods. */
    BLOCKED_FIRE_LANE("占用消防通道"),
    /** 楼道堆物: belongings piled in stairwells and corridors. */
    CORRIDOR_CLUTTER("楼道堆物"),
    /** 电动车进楼入户: e-bikes parked or charged inside the building or the flat. */
    INDOOR_E_BIKE("电动车进楼入户"),
    /** 私搭乱建: unauthorised sheds, extensions and enclosures. */
    ILLEGAL_CONSTRUCTION("私搭乱建"),
    /** 其他安全隐患: any other hazard the launcher names in the title. */
    OTHER("其他安全隐患");

    private final String label;

    Hazard(String label) {
        this.label = label;
    }

    /** The Chinese term shown on screens. */
    String label() {
        return label;
    }
}
