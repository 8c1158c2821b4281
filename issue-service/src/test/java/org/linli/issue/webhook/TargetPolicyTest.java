package org.linli.issue.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;

class TargetPolicyTest {

    private final TargetPolicy policy = new TargetPolicy(List.of("https"), List.of("hooks.county.gov.cn", "*.example.cn"));

    @Test
    void allowsListedHostsAndSubdomainsOfAWildcardOverAnAllowedScheme() {
        assertThat(policy.allows("https://hooks.county.gov.cn/linli")).isTrue();
        assertThat(policy.allows("https://a.b.example.cn:8443/x")).isTrue();
    }

    @Test
    void refusesOtherHostsSchemesCredentialsAndRelativeUrls() {
        assertThat(policy.allows("https://169.254.169.254/latest/meta-data")).isFalse();
        assertThat(policy.allows("https://localhost/x")).isFalse();
        assertThat(policy.allows("http://hooks.county.gov.cn/linli")).isFalse();
        assertThat(policy.allows("https://example.cn.evil.com/")).isFalse();
        assertThat(policy.allows("https://user:pw@hooks.county.gov.cn/")).isFalse();
        assertThat(policy.allows("/relative")).isFalse();
        assertThat(policy.allows("not a url")).isFalse();
    }

    @Test
    void anEmptyHostListAllowsNothing() {
        assertThatThrownBy(() -> new TargetPolicy(List.of("https", "http"), List.of("")).require("https://anything.cn/"))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("target-not-allowed"));
    }
}
