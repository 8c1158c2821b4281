package org.linli.platform.web;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * 三员分立 (separated administrator duties): an account holding one of the three duties reaches only its
 * duty's paths, in every service, whatever a service's own role checks would allow (paths open to "any signed-in
 * account", say). A business path answers 403 before its body is read. Every other signed-in account passes on to
 * the service's own checks. Public paths are decided before this.
 */
final class AdministratorDuties implements AuthorizationManager<RequestAuthorizationContext> {

    private static final List<PathPattern> EVERY_ACCOUNT = patterns("/api/v1/auth/**", "/api/v1/personal-data/**",
            "/api/v1/audit-trails/*/reads-of-me");
    private static final Map<String, List<PathPattern>> DUTY_PATHS = Map.of(
            "ROLE_SYSTEM_ADMIN", patterns("/api/v1/accounts/**", "/api/v1/retention-runs/**"),
            "ROLE_SECURITY_ADMIN", patterns("/api/v1/accounts/**", "/api/v1/signing-keys/**"),
            "ROLE_AUDIT_ADMIN", patterns("/api/v1/audit-trails/**"));

    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        if (!trust.isAuthenticated(caller)) {
            return new AuthorizationDecision(false);
        }
        List<List<PathPattern>> duties = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(DUTY_PATHS::containsKey).map(DUTY_PATHS::get).toList();
        if (duties.isEmpty()) {
            return new AuthorizationDecision(true);
        }
        PathContainer path = PathContainer.parsePath(context.getRequest().getRequestURI());
        boolean ownPath = matches(EVERY_ACCOUNT, path) || duties.stream().anyMatch(paths -> matches(paths, path));
        return new AuthorizationDecision(ownPath);
    }

    private static boolean matches(List<PathPattern> patterns, PathContainer path) {
        return patterns.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private static List<PathPattern> patterns(String... paths) {
        return java.util.Arrays.stream(paths).map(PathPatternParser.defaultInstance::parse).toList();
    }
}
