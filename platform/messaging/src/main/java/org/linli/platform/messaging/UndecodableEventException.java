package org.linli.platform.messaging;

/** A record that is not a readable Linli event: retrying cannot help, so it goes straight to the DLT. */
public class UndecodableEventException extends RuntimeException {

    public UndecodableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
