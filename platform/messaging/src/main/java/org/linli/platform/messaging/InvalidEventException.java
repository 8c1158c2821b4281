package org.linli.platform.messaging;

/**
 * A record that breaks the event contract (a missing or blank id or path, a field of the wrong type):
 * retrying cannot help, so it goes straight to the dead-letter topic and the handler changes nothing.
 */
public class InvalidEventException extends IllegalArgumentException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
