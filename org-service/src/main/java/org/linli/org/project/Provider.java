package org.linli.org.project;

/**
 * Who offers a resource or claims a project.
 *
 * @param kind what it is
 * @param id   a party member's record id ({@code /api/v1/party-members}), a dual-registration unit's id
 *             ({@code /api/v1/dual-registration/units}) or property-service's company id
 * @param name its name as shown on the lists (read from the record where org-service keeps one)
 */
public record Provider(Kind kind, String id, String name) {

    /** The kinds of provider in the resources list (资源清单). */
    public enum Kind {
        /** 党员（技能、时间） */
        PARTY_MEMBER("党员"),
        /** 双报到单位 */
        DUAL_REGISTRATION_UNIT("双报到单位"),
        /** 物业服务企业 */
        PROPERTY_COMPANY("物业服务企业");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
