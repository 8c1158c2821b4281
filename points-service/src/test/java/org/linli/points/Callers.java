package org.linli.points;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Object Mother of callers: JWTs as the gateway passes them, with subject, roles and org scope. */
public final class Callers {

    private Callers() {
    }

    /** A resident acting for their own account. */
    public static RequestPostProcessor person(String accountId) {
        return caller(accountId, null, "RESIDENT");
    }

    /** Someone with roles whose scope is the unit at {@code path} (null: county-wide). */
    public static RequestPostProcessor caller(String accountId, String path, String... roles) {
        List<String> roleList = Arrays.asList(roles);
        return jwt().jwt(token -> {
            token.subject(accountId).claim("roles", roleList).claim("preferred_username", "user-" + accountId);
            if (path != null) {
                token.claim("org_unit_path", path).claim("org_unit_id", lastId(path));
            }
        }).authorities(roleList.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList());
    }

    public static RequestPostProcessor communityAdmin(String accountId, String communityPath) {
        return caller(accountId, communityPath, "COMMUNITY_ADMIN");
    }

    private static String lastId(String path) {
        String[] parts = path.split("/");
        return parts[parts.length - 1];
    }
}
