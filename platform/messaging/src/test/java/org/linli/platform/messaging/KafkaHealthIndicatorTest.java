package org.linli.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import org.linli.platform.test.MutableClock;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class KafkaHealthIndicatorTest {

    private final Admin admin = mock(Admin.class);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
    private final KafkaHealthIndicator health = new KafkaHealthIndicator(admin, Duration.ofSeconds(1),
            Duration.ofSeconds(2), clock);

    @Test
    void upWhileTheBrokerDescribesItsCluster() {
        answer(KafkaFuture.completedFuture(List.of(new Node(1, "localhost", 9092))));

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void downWhenTheBrokerDoesNotAnswerInTime() {
        KafkaFutureImpl<java.util.Collection<Node>> failed = new KafkaFutureImpl<>();
        failed.completeExceptionally(new TimeoutException("Timed out waiting for a node assignment"));
        answer(failed);

        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void oneAnswerServesTheProbesUntilItIsStale() {
        answer(KafkaFuture.completedFuture(List.of(new Node(1, "localhost", 9092))));

        health.health();
        clock.advance(Duration.ofMillis(1999));
        health.health();
        verify(admin, times(1)).describeCluster(any(DescribeClusterOptions.class));

        clock.advance(Duration.ofMillis(1));
        health.health();
        verify(admin, times(2)).describeCluster(any(DescribeClusterOptions.class));
    }

    private void answer(KafkaFuture<java.util.Collection<Node>> nodes) {
        DescribeClusterResult result = mock(DescribeClusterResult.class);
        when(result.nodes()).thenReturn(nodes);
        when(admin.describeCluster(any(DescribeClusterOptions.class))).thenReturn(result);
    }
}
