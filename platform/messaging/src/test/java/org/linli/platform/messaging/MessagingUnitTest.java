package org.linli.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.ServerAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.linli.events.org.OrgUnitMoved;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/** The pieces of platform/messaging that need no infrastructure. */
class MessagingUnitTest {

    @Test
    void theWireFormCarriesTheAggregateVersionOnlyWhenThereIsOne() {
        PendingEvent versioned = EventJson.pending("p1", new Parcel.ParcelMoved("p1", "here"), Instant.EPOCH, 7);
        PendingEvent old = new PendingEvent("e1", "ParcelMoved", "p1", Instant.EPOCH, 1, "{\"parcelId\":\"p1\"}", null);

        assertThat(EventJson.fromWire(EventJson.toWire(versioned)).aggregateVersion()).isEqualTo(7L);
        assertThat(EventJson.toWire(old)).doesNotContain("aggregateVersion");
        assertThat(EventJson.fromWire(EventJson.toWire(old)).aggregateVersion()).isNull();
    }

    @Test
    void aBrokenEnvelopeOrPayloadIsAnInvalidEvent() {
        assertThatThrownBy(() -> EventJson.fromWire("{\"eventId\":\"\",\"type\":\"T\",\"aggregateId\":\"a\","
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":{}}")).isInstanceOf(InvalidEventException.class);
        assertThatThrownBy(() -> EventJson.fromWire("{\"eventId\":\"e\",\"type\":\"T\",\"aggregateId\":\"a\","
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"aggregateVersion\":\"two\",\"payload\":{}}"))
                .isInstanceOf(InvalidEventException.class);
        IncomingEvent moved = EventJson.fromWire("{\"eventId\":\"e\",\"type\":\"OrgUnitMoved\",\"aggregateId\":\"u\","
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"payload\":{\"unitId\":\"u\",\"oldPath\":\"\",\"newPath\":\"/b/u/\"}}");
        assertThatThrownBy(() -> moved.payload(OrgUnitMoved.class)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("oldPath");
    }

    @Test
    void storeAndBrokerOutagesAreTransientAndBadRecordsAreNot() {
        assertThat(FailureKinds.isTransient(new ListenerExecutionFailedException("x",
                new DataAccessResourceFailureException("down")))).isTrue();
        assertThat(FailureKinds.isTransient(new QueryTimeoutException("slow"))).isTrue();
        assertThat(FailureKinds.isTransient(new RuntimeException(new MongoSocketOpenException("refused",
                new ServerAddress())))).isTrue();
        assertThat(FailureKinds.isTransient(new KafkaException("x",
                new org.apache.kafka.common.errors.TimeoutException("no ack")))).isTrue();
        assertThat(FailureKinds.isTransient(new InvalidEventException("blank id"))).isFalse();
        assertThat(FailureKinds.isTransient(new DuplicateKeyException("dup"))).isFalse();
        assertThat(FailureKinds.isTransient(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void onlyARecordTooLargeOrUnserialisableIsNeverSendable() {
        assertThat(OutboxRelay.neverSendable(new KafkaException("x", new RecordTooLargeException("big")))).isTrue();
        assertThat(OutboxRelay.neverSendable(new org.apache.kafka.common.errors.SerializationException("bad"))).isTrue();
        assertThat(OutboxRelay.neverSendable(new org.apache.kafka.common.errors.TimeoutException("down"))).isFalse();
        assertThat(OutboxRelay.neverSendable(new java.util.concurrent.TimeoutException())).isFalse();
    }

    @Test
    void aReplayedRecordIsSkippedByEveryGroupButTheOneNamed() {
        RecordHeaders replayed = new RecordHeaders();
        replayed.add(ProcessedEvents.REPLAY_FOR_HEADER, "grid-service".getBytes(StandardCharsets.UTF_8));

        assertThat(ProcessedEvents.isReplayForAnotherGroup(replayed, "issue-service")).isTrue();
        assertThat(ProcessedEvents.isReplayForAnotherGroup(replayed, "grid-service")).isFalse();
        assertThat(ProcessedEvents.isReplayForAnotherGroup(new RecordHeaders(), "issue-service")).isFalse();
    }
}
