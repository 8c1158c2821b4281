package org.linli.platform.domain;

/**
 * An id that names nothing the caller may see. At the edge, platform/web's {@code ProblemHandler} answers it
 * with 404 problem+json.
 */
public class NotFoundException extends RuntimeException {

    private final String resource;
    private final String id;

    /**
     * @param resource what was looked for, as a message key suffix ({@code org-unit})
     * @param id       the id that was asked for
     */
    public NotFoundException(String resource, String id) {
        super(resource + " " + id + " not found");
        this.resource = resource;
        this.id = id;
    }

    public String resource() {
        return resource;
    }

    public String id() {
        return id;
    }
}
