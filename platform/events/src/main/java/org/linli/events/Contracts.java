package org.linli.events;

/**
 * Checks for the fields a contract cannot do without, called from the records' compact constructors: a
 * producer cannot build a broken event, and a consumer refuses one from the wire as an invalid event.
 */
public final class Contracts {

    private Contracts() {
    }

    /** {@code value} itself, or an {@link IllegalArgumentException} naming {@code field} when it is null or blank. */
    public static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }
}
