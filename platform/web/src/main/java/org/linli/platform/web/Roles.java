package org.linli.platform.web;

/**
 * The roles a token carries ({@link Caller#roles()}, without the {@code ROLE_} prefix) and the sets of them
 * endpoints are opened to, declared once. The names serve {@link Caller#hasRole}; the sets are compile-time
 * constant SpEL for {@code @PreAuthorize(Roles.ADMINS)}. A controller whose set is its own builds it from the
 * names, e.g. {@code "hasAnyRole('" + STREET_ADMIN + "','" + COUNTY_ADMIN + "')"}, or extends the admins
 * with {@link #ADMIN_LIST}.
 */
public final class Roles {

    /** 居民 */
    public static final String RESIDENT = "RESIDENT";
    /** 网格员 */
    public static final String GRID_WORKER = "GRID_WORKER";
    /** 党员 */
    public static final String PARTY_MEMBER = "PARTY_MEMBER";
    /** 社区管理员 */
    public static final String COMMUNITY_ADMIN = "COMMUNITY_ADMIN";
    /** 街道管理员 */
    public static final String STREET_ADMIN = "STREET_ADMIN";
    /** 县（区）管理员 */
    public static final String COUNTY_ADMIN = "COUNTY_ADMIN";
    /** 物业企业工作人员, acting for the company in {@link Caller#companyId()} */
    public static final String PROPERTY_STAFF = "PROPERTY_STAFF";
    /** 职能部门工作人员 (住建, 城管…) */
    public static final String DEPARTMENT_STAFF = "DEPARTMENT_STAFF";
    /** another county system calling with client credentials */
    public static final String INTEGRATION_CLIENT = "INTEGRATION_CLIENT";
    /** 系统管理员 (三员分立): accounts and configuration */
    public static final String SYSTEM_ADMIN = "SYSTEM_ADMIN";
    /** 安全管理员 (三员分立): roles, lockouts, keys */
    public static final String SECURITY_ADMIN = "SECURITY_ADMIN";
    /** 安全审计员 (三员分立): the audit trail */
    public static final String AUDIT_ADMIN = "AUDIT_ADMIN";

    /** The three admins, quoted and comma-separated: the start of a {@code hasAnyRole(..)} that extends them. */
    public static final String ADMIN_LIST = "'" + COMMUNITY_ADMIN + "','" + STREET_ADMIN + "','" + COUNTY_ADMIN + "'";

    /** Community, street and county admins; each acts within its own unit's subtree. */
    public static final String ADMINS = "hasAnyRole(" + ADMIN_LIST + ")";
    /** The admins and grid workers: the people who run a community. */
    public static final String STAFF = "hasAnyRole(" + ADMIN_LIST + ",'" + GRID_WORKER + "')";
    /** {@link #STAFF} and party members. */
    public static final String STAFF_AND_PARTY_MEMBERS =
            "hasAnyRole(" + ADMIN_LIST + ",'" + GRID_WORKER + "','" + PARTY_MEMBER + "')";
    /** Everyone who lives in or runs a community: {@link #STAFF_AND_PARTY_MEMBERS} and residents. */
    public static final String COMMUNITY_PEOPLE =
            "hasAnyRole(" + ADMIN_LIST + ",'" + GRID_WORKER + "','" + PARTY_MEMBER + "','" + RESIDENT + "')";
    /** The admins and party members. */
    public static final String ADMINS_AND_PARTY_MEMBERS = "hasAnyRole(" + ADMIN_LIST + ",'" + PARTY_MEMBER + "')";
    /** The admins and functional departments' staff: the government side of property supervision. */
    public static final String ADMINS_AND_DEPARTMENTS = "hasAnyRole(" + ADMIN_LIST + ",'" + DEPARTMENT_STAFF + "')";
    /**
     * Every role that works for or with the county: {@link #STAFF_AND_PARTY_MEMBERS}, departments' and property
     * companies' staff, and integration clients; not residents, not the 三员.
     */
    public static final String WORKING_ROLES = "hasAnyRole(" + ADMIN_LIST + ",'" + GRID_WORKER + "','" + PARTY_MEMBER
            + "','" + DEPARTMENT_STAFF + "','" + PROPERTY_STAFF + "','" + INTEGRATION_CLIENT + "')";
    /** Street and county admins, without the community's. */
    public static final String STREET_AND_COUNTY_ADMINS = "hasAnyRole('" + STREET_ADMIN + "','" + COUNTY_ADMIN + "')";

    private Roles() {
    }
}
