package org.linli.org.identity;

/** What an account may do; combined with its org-unit scope. */
public enum Role {
    /** 居民 */
    RESIDENT,
    /** 网格员 */
    GRID_WORKER,
    /** 党员 */
    PARTY_MEMBER,
    /** 社区管理员 */
    COMMUNITY_ADMIN,
    /** 街道管理员 */
    STREET_ADMIN,
    /** 县（区）管理员 */
    COUNTY_ADMIN,
    /** 物业企业工作人员 */
    PROPERTY_STAFF,
    /** 职能部门工作人员 (住建, 城管…) */
    DEPARTMENT_STAFF,
    /** another county system calling with client credentials */
    INTEGRATION_CLIENT,
    /**
     * 系统管理员 (三员分立): accounts and configuration, nothing of the business, the roles or the audit
     * trail.
     */
    SYSTEM_ADMIN,
    /** 安全管理员 (三员分立): roles and permissions, lockouts, key rotation; no accounts, no audit trail. */
    SECURITY_ADMIN,
    /** 安全审计员 (三员分立): reads and exports the audit trail, nothing else. */
    AUDIT_ADMIN
}
