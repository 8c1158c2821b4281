package org.linli.events;

/**
 * A payload of the published language. Its {@link #type()} is the class's simple name
 * (past-tense PascalCase); a breaking change ships a new record or a higher {@link #schemaVersion()}
 * side by side with the old one.
 */
public interface DomainEvent {

    default String type() {
        return typeOf(getClass());
    }

    /** The {@link #type()} of every event of a contract record: its simple name. */
    static String typeOf(Class<? extends DomainEvent> contract) {
        return contract.getSimpleName();
    }

    default int schemaVersion() {
        return 1;
    }
}
