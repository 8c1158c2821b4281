package org.linli.platform.messaging;

/** A record that is not a readable Linli event at all: an {@link InvalidEventException}, straight to the DLT. */
public class UndecodableEventException extends InvalidEventException {

    public UndecodableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
