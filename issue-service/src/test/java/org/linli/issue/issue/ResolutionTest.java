package org.linli.issue.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.issue.issue.Issues.T0;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an issue is resolved and rated, as a value, without Spring. */
class ResolutionTest {

    @Test
    void resolvingNeedsANoteAndKeepsAtMostNinePhotos() {
        assertThatThrownBy(() -> Resolution.NONE.resolvedBy("worker-1", HandlerKind.GRID_WORKER, null, List.of(), T0))
                .extracting("code").isEqualTo("resolution-note-required");
        List<String> ten = Collections.nCopies(10, "photo");
        assertThatThrownBy(() -> Resolution.NONE.resolvedBy("worker-1", HandlerKind.GRID_WORKER, "换了灯泡", ten, T0))
                .extracting("code").isEqualTo("too-many-photos");

        Resolution resolved = Resolution.NONE.resolvedBy("worker-1", HandlerKind.GRID_WORKER, " 换了灯泡 ",
                Collections.nCopies(9, "photo"), T0);
        assertThat(resolved.note()).isEqualTo("换了灯泡");
        assertThat(resolved.photoIds()).hasSize(9);
        assertThat(resolved.resolvedAt()).isEqualTo(T0);
        assertThat(resolved.handledBy("worker-1")).isTrue();
        assertThat(resolved.handledBy("worker-2")).isFalse();
    }

    @Test
    void refusesRatingsOutsideOneToFive() {
        Resolution resolved = Resolution.NONE.resolvedBy("worker-1", HandlerKind.GRID_WORKER, "修好了", List.of(), T0);
        assertThatThrownBy(() -> resolved.ratedWith(0, null)).extracting("code").isEqualTo("invalid-rating");
        assertThatThrownBy(() -> resolved.ratedWith(6, null)).extracting("code").isEqualTo("invalid-rating");
        assertThat(resolved.ratedWith(5, "好").rating()).isEqualTo(5);
    }

    @Test
    void aReopenedResolutionIsNoLongerResolvedButKeepsItsRatingUntilTheReporterRatesAgain() {
        Resolution reopened = Resolution.NONE.resolvedBy("worker-1", HandlerKind.GRID_WORKER, "修好了", List.of(), T0)
                .ratedWith(2, "还是不亮").reopened();
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopened.rating()).isEqualTo(2);

        Resolution again = reopened.resolvedBy("worker-1", HandlerKind.GRID_WORKER, "换了线路", List.of(),
                T0.plusSeconds(600));
        assertThat(again.resolvedAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(again.rating()).isEqualTo(2);
        assertThat(again.ratingComment()).isEqualTo("还是不亮");
    }

    @Test
    void anImportedRecordIsResolvedOnlyWhenItReachedResolvedOrClosed() {
        HistoricalRecord closed = Issues.hotlineRecord("HL-1", IssueStatus.CLOSED, T0);
        assertThat(Resolution.imported(closed).resolvedAt()).isEqualTo(closed.resolvedAt());
        assertThat(Resolution.imported(closed).rating()).isEqualTo(4);
        assertThat(Resolution.imported(Issues.hotlineRecord("HL-2", IssueStatus.REJECTED, T0)))
                .isEqualTo(Resolution.NONE);
    }
}
