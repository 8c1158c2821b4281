package org.linli.issue.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.linli.platform.domain.BusinessRuleViolation;

/**
 * Which URLs a webhook may call (a plain guard against server-side request forgery): an absolute URL without
 * credentials, with an allowed scheme and a host on the allowed list (an exact name or {@code *.suffix}).
 * Checked when a subscription is created and again before each attempt, so narrowing the list takes effect at
 * once. Redirects are never followed (see {@link WebhookConfiguration}).
 */
final class TargetPolicy {

    private final List<String> schemes;
    private final List<String> hosts;

    TargetPolicy(List<String> schemes, List<String> hosts) {
        this.schemes = schemes.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        this.hosts = hosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
    }

    /** The URL as a URI; 422 {@code target-not-allowed} when the policy refuses it. */
    URI require(String url) {
        URI uri = parse(url);
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null
                || !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                || !hostAllowed(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw new BusinessRuleViolation("target-not-allowed",
                    "the target URL's scheme or host is not allowed for webhooks", schemes, hosts);
        }
        return uri;
    }

    boolean allows(String url) {
        try {
            require(url);
            return true;
        } catch (BusinessRuleViolation refused) {
            return false;
        }
    }

    private boolean hostAllowed(String host) {
        return hosts.stream().anyMatch(allowed -> allowed.startsWith("*.")
                ? host.endsWith(allowed.substring(1)) : host.equals(allowed));
    }

    private static URI parse(String url) {
        try {
            return url == null ? null : new URI(url.strip());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
