package org.linli.platform.protection;

/** A stored protected value that cannot be opened: altered, truncated, or sealed with a key the file lacks. */
public class ProtectedValueException extends RuntimeException {

    public ProtectedValueException(String message) {
        super(message);
    }
}
