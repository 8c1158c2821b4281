package org.linli.issue.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.platform.domain.BusinessRuleViolation;

class OfferedEventsTest {

    private final OfferedEvents offered = new OfferedEvents();

    @Test
    void offersThePublishedContractsOfIssueEvents() {
        assertThat(offered.types()).contains("IssueReported", "IssueResolved", "IssueClosed", "MicroWishFulfilled")
                .doesNotContain("GridCreated");
    }

    @Test
    void refusesATypeThatIsNotPublished() {
        assertThat(offered.require(List.of("IssueClosed"))).containsExactly("IssueClosed");
        assertThatThrownBy(() -> offered.require(List.of("IssueClosed", "IssueDeleted")))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("unknown-event-type"));
    }
}
