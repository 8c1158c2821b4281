package org.linli.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class IdempotencyLeasesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

    private final IdempotencyStore store = mock(IdempotencyStore.class);
    private final IdempotencyLeases leases = new IdempotencyLeases(store, Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofSeconds(15), false);

    @Test
    void aHeartbeatPushesEachRunningClaimOneLeaseAhead() {
        when(store.renew(any(), any(), any())).thenReturn(true);
        leases.hold("key-a", "run-1");
        leases.hold("key-b", "run-2");

        leases.renewAll();

        verify(store).renew("key-a", "run-1", NOW.plusSeconds(15));
        verify(store).renew("key-b", "run-2", NOW.plusSeconds(15));
    }

    @Test
    void aReleasedClaimIsNoLongerRenewed() {
        leases.hold("key-a", "run-1");
        leases.release("key-a", "run-1");

        leases.renewAll();

        verifyNoMoreInteractions(store);
    }

    @Test
    void aClaimTakenOverIsDroppedAndAStoreOutageIsRetriedOnTheNextBeat() {
        when(store.renew(eq("key-a"), any(), any())).thenReturn(false);
        when(store.renew(eq("key-b"), any(), any())).thenThrow(new IllegalStateException("store down"));
        leases.hold("key-a", "run-1");
        leases.hold("key-b", "run-2");

        leases.renewAll();
        leases.renewAll();

        verify(store, times(1)).renew(eq("key-a"), any(), any());
        verify(store, times(2)).renew(eq("key-b"), any(), any());
    }

    @Test
    void aClaimFoundGoneIsReportedAsTakenOverOnlyWhileItsRequestStillHoldsIt(CapturedOutput output) {
        when(store.renew(eq("key-answered"), any(), any())).thenAnswer(beat -> {
            leases.release("key-answered", "run-1"); // its request finished and kept its answer during the beat
            return false;
        });
        when(store.renew(eq("key-taken"), any(), any())).thenReturn(false);
        leases.hold("key-answered", "run-1");
        leases.hold("key-taken", "run-2");

        leases.renewAll();

        assertThat(output).contains("idempotency claim key-taken was taken over by a retry")
                .doesNotContain("key-answered");
    }
}
