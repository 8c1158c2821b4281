package org.linli.platform.messaging;

import java.time.Instant;
import org.linli.events.DomainEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A minimal aggregate for the messaging tests: every move records an event. */
@Document("parcels")
class Parcel extends AggregateRoot {

    @Id
    private String id;
    private String place;

    protected Parcel() {
    }

    Parcel(String id, String place) {
        this.id = id;
        this.place = place;
        recordEvent(id, new ParcelMoved(id, place), Instant.now());
    }

    void moveTo(String newPlace) {
        place = newPlace;
        recordEvent(id, new ParcelMoved(id, newPlace), Instant.now());
    }

    String id() {
        return id;
    }

    record ParcelMoved(String parcelId, String place) implements DomainEvent {
    }
}
