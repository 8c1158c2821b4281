package org.linli.events;

/** Kafka topics, one per producing service; each has a dead-letter twin {@code <topic>.DLT}. */
public final class Topics {

    public static final String ORG_EVENTS = "org.events";
    public static final String GRID_EVENTS = "grid.events";
    public static final String PROPERTY_EVENTS = "property.events";
    public static final String ISSUE_EVENTS = "issue.events";
    public static final String POINTS_EVENTS = "points.events";

    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    /**
     * Header of a dead letter sent back to its topic by the replay command: the consumer group it is meant
     * for; every other group skips the record.
     */
    public static final String REPLAY_FOR_HEADER = "linli-replay-for";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
