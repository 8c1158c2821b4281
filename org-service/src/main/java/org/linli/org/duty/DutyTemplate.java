package org.linli.org.duty;

import static org.linli.org.duty.DutyPeriod.MONTH;
import static org.linli.org.duty.DutyPeriod.QUARTER;

import java.util.List;

/**
 * The duty quotas Linli ships as documented defaults (docs/services/org-service.md, "Duty quotas"): an admin applies
 * one to a unit and edits it from there. The duties come from the seed articles; the counts are Linli's defaults (the
 * articles give none), set so that a month's list is doable beside a job.
 */
public enum DutyTemplate {

    /**
     * 四个一 (Pingshun, seed 002) for 包联干部: 织牢党建覆盖"一张网", 建强党建阵地"一个站", 下活多元共建"一盘棋",
     * 熔铸党群干群"一家亲".
     */
    SI_GE_YI("四个一", DutyRole.LINKED_CADRE, List.of(
            new DutyItem("GRID_VISIT", "一张网：走访包联网格，收集社情民意", 4, MONTH),
            new DutyItem("STATION_SERVICE", "一个站：到党群服务驿站值守服务", 2, MONTH),
            new DutyItem("JOINT_MEETING", "一盘棋：参加多方联席会议，协商解决群众诉求", 1, MONTH),
            new DutyItem("SERVICE_ACTIVITY", "一家亲：组织或参加为民服务活动", 1, QUARTER))),

    /**
     * 三帮五督 (Basuo, seed 003) for 红色巷长: 帮解邻里纠纷、帮助服务民生、帮助治安防控; 监督环境卫生、交通秩序、
     * 市政设施、违法建设、园林绿化.
     */
    SAN_BANG_WU_DU("三帮五督", DutyRole.ALLEY_CHIEF, List.of(
            new DutyItem("HELP_DISPUTES", "帮解邻里纠纷", 1, QUARTER),
            new DutyItem("HELP_LIVELIHOOD", "帮助服务民生", 2, MONTH),
            new DutyItem("HELP_SECURITY", "帮助治安防控", 2, MONTH),
            new DutyItem("SUPERVISE_SANITATION", "监督环境卫生", 4, MONTH),
            new DutyItem("SUPERVISE_TRAFFIC", "监督交通秩序", 2, MONTH),
            new DutyItem("SUPERVISE_FACILITIES", "监督市政设施", 2, MONTH),
            new DutyItem("SUPERVISE_CONSTRUCTION", "监督违法建设", 1, MONTH),
            new DutyItem("SUPERVISE_GREENING", "监督园林绿化", 1, MONTH)));

    private final String label;
    private final DutyRole role;
    private final List<DutyItem> items;

    DutyTemplate(String label, DutyRole role, List<DutyItem> items) {
        this.label = label;
        this.role = role;
        this.items = items;
    }

    public String label() {
        return label;
    }

    public DutyRole role() {
        return role;
    }

    public List<DutyItem> items() {
        return items;
    }
}
