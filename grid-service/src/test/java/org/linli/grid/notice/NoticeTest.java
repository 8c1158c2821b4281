package org.linli.grid.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.linli.grid.grid.GridDirectory.GridView;
import org.linli.grid.grid.GridLevel;
import org.linli.platform.messaging.PendingEvent;
import org.linli.platform.domain.BusinessRuleViolation;

class NoticeTest {

    private static final GridView GRID = new GridView("g1", GridLevel.LEVEL_1, "一级网格", null, "/g1/", "c1",
            "/s/c1/", 0, 0);
    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");

    @Test
    void startsUndeliveredAndRecordsItsPublication() {
        Notice notice = Notice.publish(Notice.newId(), GRID, Notice.Kind.POLICY, " 冬季燃气安全 ", "请注意。", "admin", 3, NOW);
        assertThat(notice.title()).isEqualTo("冬季燃气安全");
        assertThat(notice.deliveredShare()).isEqualByComparingTo("0");
        assertThat(notice.timeToFullDelivery()).isNull();
        assertThat(notice.pendingEvents()).singleElement().extracting(PendingEvent::type)
                .isEqualTo("NoticePublished");
    }

    @Test
    void refusesAGridWithoutHouseholdsAndATooLongTitle() {
        assertThatThrownBy(() -> Notice.publish("n", GRID, Notice.Kind.POLICY, "t", "b", "admin", 0, NOW))
                .isInstanceOf(BusinessRuleViolation.class).hasMessageContaining("no registered households");
        assertThatThrownBy(() -> Notice.publish("n", GRID, Notice.Kind.POLICY, "长".repeat(101), "b", "admin", 1, NOW))
                .isInstanceOf(BusinessRuleViolation.class);
    }
}
