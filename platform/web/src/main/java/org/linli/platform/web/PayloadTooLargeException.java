package org.linli.platform.web;

import org.springframework.util.unit.DataSize;

/** A request body over {@code linli.web.max-body-size}: answers 413. */
public class PayloadTooLargeException extends RuntimeException {

    private final DataSize limit;

    public PayloadTooLargeException(DataSize limit) {
        super("request body larger than " + limit);
        this.limit = limit;
    }

    public DataSize limit() {
        return limit;
    }
}
