package org.linli.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linli.events.org.OrgUnitDeactivated;
import org.linli.events.org.OrgUnitRenamed;
import org.springframework.data.mongodb.core.MongoOperations;

/** The typed handler table of a listener, without Spring or a store. */
class EventHandlersTest {

    private static final Instant OCCURRED = Instant.parse("2026-03-01T08:00:00Z");
    private static final String RENAMED = "{\"unitId\":\"u1\",\"name\":\"檀溪社区\",\"path\":\"/county/u1/\"}";
    private static final String DEACTIVATED = "{\"unitId\":\"u1\",\"path\":\"/county/u1/\"}";

    @Test
    void runsTheHandlerRegisteredForTheEventsContractTypeWithTheDecodedPayload() {
        List<Object> renamed = new ArrayList<>();
        List<Object> deactivated = new ArrayList<>();
        EventHandlers handlers = EventHandlers.builder()
                .on(OrgUnitRenamed.class, renamed::add)
                .on(OrgUnitDeactivated.class, deactivated::add)
                .build();

        handlers.dispatch(incoming("OrgUnitRenamed", RENAMED));

        assertThat(renamed).containsExactly(new OrgUnitRenamed("u1", "檀溪社区", "/county/u1/"));
        assertThat(deactivated).isEmpty();
    }

    @Test
    void aHandlerWithTimeAlsoGetsTheTimeTheEventOccurred() {
        List<Instant> times = new ArrayList<>();
        EventHandlers handlers = EventHandlers.builder()
                .onInOrderWithTime(OrgUnitRenamed.class, (renamed, occurredAt) -> times.add(occurredAt))
                .build();

        handlers.dispatch(incoming("OrgUnitRenamed", RENAMED));

        assertThat(times).containsExactly(OCCURRED);
    }

    @Test
    void theTypeOfAHandlerIsItsContractsSimpleNameAndOnlyTypesRegisteredInOrderAreOrdered() {
        EventHandlers handlers = EventHandlers.builder()
                .onInOrder(OrgUnitRenamed.class, renamed -> { })
                .onWithTime(OrgUnitDeactivated.class, (deactivated, occurredAt) -> { })
                .build();

        assertThat(handlers.handles(new OrgUnitRenamed("u1", "n", "/u1/").type())).isTrue();
        assertThat(handlers.inOrder("OrgUnitRenamed")).isTrue();
        assertThat(handlers.handles("OrgUnitDeactivated")).isTrue();
        assertThat(handlers.inOrder("OrgUnitDeactivated")).isFalse();
        assertThat(handlers.handles("OrgUnitMoved")).isFalse();
        assertThat(handlers.inOrder("OrgUnitMoved")).isFalse();
        assertThat(handlers.types()).containsExactlyInAnyOrder(OrgUnitRenamed.class, OrgUnitDeactivated.class);
    }

    @Test
    void refusesASecondHandlerForTheSameTypeWhenTheTableIsBuilt() {
        EventHandlers.Builder builder = EventHandlers.builder().on(OrgUnitRenamed.class, renamed -> { });

        assertThatThrownBy(() -> builder.onInOrderWithTime(OrgUnitRenamed.class, (renamed, occurredAt) -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OrgUnitRenamed");
    }

    @Test
    void aPayloadThatBreaksItsContractIsAnInvalidEventAndRunsNoHandler() {
        List<Object> renamed = new ArrayList<>();
        EventHandlers handlers = EventHandlers.builder().on(OrgUnitRenamed.class, renamed::add).build();

        assertThatThrownBy(() -> handlers.dispatch(incoming("OrgUnitRenamed", "{\"unitId\":\"u1\",\"path\":\" \"}")))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("path");
        assertThat(renamed).isEmpty();
    }

    @Test
    void anEventOfATypeTheTableDoesNotHandleIsDroppedWithoutTouchingTheStore() {
        MongoOperations store = mock(MongoOperations.class);
        List<Object> deactivated = new ArrayList<>();
        EventHandlers handlers = EventHandlers.builder().onInOrder(OrgUnitDeactivated.class, deactivated::add).build();

        new ProcessedEvents(store, "a-consumer").receive(wire("OrgUnitRenamed", RENAMED), handlers);

        verifyNoInteractions(store);
        assertThat(deactivated).isEmpty();
    }

    private static IncomingEvent incoming(String type, String payload) {
        return EventJson.fromWire(wire(type, payload));
    }

    private static String wire(String type, String payload) {
        return "{\"eventId\":\"e1\",\"type\":\"" + type + "\",\"aggregateId\":\"u1\",\"occurredAt\":\"" + OCCURRED
                + "\",\"schemaVersion\":1,\"aggregateVersion\":3,\"payload\":" + payload + "}";
    }
}
