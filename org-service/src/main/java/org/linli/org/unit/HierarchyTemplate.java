package org.linli.org.unit;

import static org.linli.org.unit.OrgUnitType.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Which unit types may hang under which parent type in a region: data, not code. A region (a top
 * unit and everything under it) follows one template. Linli ships the five-level, four-level and
 * industrial-park structures of DOMAIN.md §1; a county admin may add others.
 *
 * @param id        stable id, e.g. {@code FIVE_LEVEL}
 * @param label     what a screen shows
 * @param rootTypes types a region's top unit may have
 * @param children  for each parent type, the child types allowed under it
 */
@Document("hierarchy_templates")
public record HierarchyTemplate(@Id String id, String label, Set<OrgUnitType> rootTypes,
                                Map<OrgUnitType, Set<OrgUnitType>> children) {

    static final String FIVE_LEVEL = "FIVE_LEVEL";

    /** Refuses a child type the template does not allow under this parent type, naming the allowed ones. */
    void checkChild(OrgUnitType parentType, OrgUnitType childType) {
        Set<OrgUnitType> allowed = children.getOrDefault(parentType, Set.of());
        if (!allowed.contains(childType)) {
            throw new BusinessRuleViolation("invalid-parent-type",
                    childType + " cannot be placed under " + parentType + "; allowed: " + names(allowed),
                    childType.label(), parentType.label(), names(allowed));
        }
    }

    void checkRoot(OrgUnitType type) {
        if (!rootTypes.contains(type)) {
            throw new BusinessRuleViolation("invalid-root-type",
                    type + " cannot be a top unit in " + id + "; allowed: " + names(rootTypes),
                    type.label(), id, names(rootTypes));
        }
    }

    private static String names(Set<OrgUnitType> types) {
        return types.isEmpty() ? "-" : String.join(", ", types.stream().map(Enum::name).sorted().toList());
    }

    /** The templates Linli ships (DOMAIN.md §1). */
    static List<HierarchyTemplate> shipped() {
        Set<OrgUnitType> propertyChildren = EnumSet.of(PROPERTY_COMPANY_BRANCH);
        return List.of(
                new HierarchyTemplate(FIVE_LEVEL, "五级架构：街道党工委—社区党委—网格党支部—楼栋党小组—党员中心户",
                        EnumSet.of(STREET_COMMITTEE, TOWNSHIP_COMMITTEE),
                        Map.of(STREET_COMMITTEE, EnumSet.of(COMMUNITY_COMMITTEE, PROPERTY_INDUSTRY_COMMITTEE),
                                TOWNSHIP_COMMITTEE, EnumSet.of(COMMUNITY_COMMITTEE, PROPERTY_INDUSTRY_COMMITTEE),
                                COMMUNITY_COMMITTEE, EnumSet.of(GRID_BRANCH, PROPERTY_GENERAL_BRANCH, PROPERTY_COMPANY_BRANCH),
                                GRID_BRANCH, EnumSet.of(BUILDING_GROUP, PROPERTY_COMPANY_BRANCH),
                                BUILDING_GROUP, EnumSet.of(CENTRAL_HOUSEHOLD),
                                PROPERTY_INDUSTRY_COMMITTEE, EnumSet.of(PROPERTY_GENERAL_BRANCH, PROPERTY_COMPANY_BRANCH),
                                PROPERTY_GENERAL_BRANCH, propertyChildren)),
                new HierarchyTemplate("FOUR_LEVEL", "四级架构：社区党委—网格党支部—楼栋党小组—党员中心户",
                        EnumSet.of(COMMUNITY_COMMITTEE),
                        Map.of(COMMUNITY_COMMITTEE, EnumSet.of(GRID_BRANCH, PROPERTY_GENERAL_BRANCH, PROPERTY_COMPANY_BRANCH),
                                GRID_BRANCH, EnumSet.of(BUILDING_GROUP, PROPERTY_COMPANY_BRANCH),
                                BUILDING_GROUP, EnumSet.of(CENTRAL_HOUSEHOLD),
                                PROPERTY_GENERAL_BRANCH, propertyChildren)),
                new HierarchyTemplate("INDUSTRIAL_PARK", "园区架构：开发区党工委—综合党委—网格党总支—两新组织党组织",
                        EnumSet.of(PARK_WORKING_COMMITTEE),
                        Map.of(PARK_WORKING_COMMITTEE, EnumSet.of(PARK_GENERAL_COMMITTEE),
                                PARK_GENERAL_COMMITTEE, EnumSet.of(PARK_GRID_GENERAL_BRANCH),
                                PARK_GRID_GENERAL_BRANCH, EnumSet.of(ENTERPRISE_PARTY_ORGANISATION))));
    }
}
