package org.linli.org.unit;

/** Kinds of party organisation unit (DOMAIN.md §1), with the label a screen shows. */
public enum OrgUnitType {
    /** 街道党工委: street party working committee. */
    STREET_COMMITTEE("街道党工委"),
    /** 乡镇党委: township party committee. */
    TOWNSHIP_COMMITTEE("乡镇党委"),
    /** 社区党委: community party committee. */
    COMMUNITY_COMMITTEE("社区党委"),
    /** 网格(小区)党支部: grid or compound party branch. */
    GRID_BRANCH("网格(小区)党支部"),
    /** 楼栋党小组: building party group. */
    BUILDING_GROUP("楼栋党小组"),
    /** 党员中心户: party-member central household. */
    CENTRAL_HOUSEHOLD("党员中心户"),
    /** 开发区党工委: industrial-park working committee. */
    PARK_WORKING_COMMITTEE("开发区党工委"),
    /** 综合党委: park general party committee. */
    PARK_GENERAL_COMMITTEE("综合党委"),
    /** 网格党总支: park grid general branch. */
    PARK_GRID_GENERAL_BRANCH("网格党总支"),
    /** 两新组织党组织: party organisation of a private firm or social organisation. */
    ENTERPRISE_PARTY_ORGANISATION("两新组织党组织"),
    /** 物业行业党委: property-industry party committee. */
    PROPERTY_INDUSTRY_COMMITTEE("物业行业党委"),
    /** 物业党总支: property party general branch. */
    PROPERTY_GENERAL_BRANCH("物业党总支"),
    /** 物业企业党支部: a property company's party branch. */
    PROPERTY_COMPANY_BRANCH("物业企业党支部");

    private final String label;

    OrgUnitType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
