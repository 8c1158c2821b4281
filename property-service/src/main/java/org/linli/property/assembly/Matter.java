package org.linli.property.assembly;

import java.util.Arrays;

/**
 * The matters the owners decide together, numbered as in Civil Code article 278, paragraph 1 (民法典第二百七十八条第一款).
 * Items 6 to 8 need the special majority of paragraph 2 (three quarters); every other item a simple majority.
 * A matter is <em>major</em> (重大事项) when Pingshun's preparation chain must be recorded before the owners vote:
 * the owners' committee, the property company, the use of the compound's common parts and anything the owners
 * call major (items 3, 4, 6, 7, 8, 9).
 */
enum Matter {
    /** (一) 制定和修改业主大会议事规则 */
    RULES_OF_PROCEDURE(1, "制定和修改业主大会议事规则", false),
    /** (二) 制定和修改管理规约 */
    MANAGEMENT_STATUTE(2, "制定和修改管理规约", false),
    /** (三) 选举业主委员会或者更换业主委员会成员 */
    OWNERS_COMMITTEE(3, "选举业主委员会或者更换业主委员会成员", true),
    /** (四) 选聘和解聘物业服务企业或者其他管理人 */
    PROPERTY_COMPANY(4, "选聘和解聘物业服务企业或者其他管理人", true),
    /** (五) 使用建筑物及其附属设施的维修资金 */
    USE_MAINTENANCE_FUNDS(5, "使用建筑物及其附属设施的维修资金", false),
    /** (六) 筹集建筑物及其附属设施的维修资金 */
    RAISE_MAINTENANCE_FUNDS(6, "筹集建筑物及其附属设施的维修资金", true),
    /** (七) 改建、重建建筑物及其附属设施 */
    REBUILD(7, "改建、重建建筑物及其附属设施", true),
    /** (八) 改变共有部分的用途或者利用共有部分从事经营活动 */
    COMMON_PARTS_USE(8, "改变共有部分的用途或者利用共有部分从事经营活动", true),
    /** (九) 有关共有和共同管理权利的其他重大事项 */
    OTHER_MAJOR(9, "有关共有和共同管理权利的其他重大事项", true);

    private final int item;
    private final String label;
    private final boolean major;

    Matter(int item, String label, boolean major) {
        this.item = item;
        this.label = label;
        this.major = major;
    }

    /** The item's number in article 278, paragraph 1 (1 to 9). */
    public int item() {
        return item;
    }

    public String label() {
        return label;
    }

    /** Items 6 to 8: three quarters of the participating area and owners must agree (art. 278 para. 2). */
    public boolean special() {
        return item >= 6 && item <= 8;
    }

    /** Whether the preparation chain (mobilise, propose, review) must be recorded before voting opens. */
    public boolean major() {
        return major;
    }

    public static Matter ofItem(int item) {
        return Arrays.stream(values()).filter(matter -> matter.item == item).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("article 278 has items 1 to 9, not " + item));
    }
}
