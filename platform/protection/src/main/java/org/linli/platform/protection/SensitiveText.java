package org.linli.platform.protection;

import java.util.Objects;

/**
 * A personal value (an ID number, a phone number) that the store only ever holds encrypted. An aggregate
 * keeps its field as {@code SensitiveText} and hands out {@link #value()}: in memory the value is plain,
 * and Spring Data's converters ({@link SensitiveTextConverters}) seal it on the way to MongoDB and open it
 * on the way back. {@link #toString()} never shows the value, so an aggregate or record printed into a log
 * line leaks nothing. Do not query on such a field (each sealing differs); keep a {@link KeyedHashOf}
 * field beside it where lookups or uniqueness need one.
 */
public final class SensitiveText {

    private final String value;

    private SensitiveText(String value) {
        this.value = Objects.requireNonNull(value);
    }

    /** The value wrapped, or {@code null} for {@code null}. */
    public static SensitiveText of(String value) {
        return value == null ? null : new SensitiveText(value);
    }

    /** The plain value of a possibly absent field. */
    public static String valueOf(SensitiveText text) {
        return text == null ? null : text.value;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SensitiveText text && text.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "[protected]";
    }
}
