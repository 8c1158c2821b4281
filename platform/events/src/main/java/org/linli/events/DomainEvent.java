package org.linli.events;

/**
 * A payload of the published language. Its {@link #type()} is the class's simple name
 * (past-tense PascalCase); a breaking change ships a new record or a higher {@link #schemaVersion()}
 * side by side with the old one.
 */
public interface DomainEvent {

    default String type() {
        return getClass().getSimpleName();
    }

    default int schemaVersion() {
        return 1;
    }
}
