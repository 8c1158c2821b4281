package org.linli.e2e.sweep;

/**
 * One bad request of the sweep.
 *
 * @param operation   the operation it probes
 * @param what        what is wrong with it, for the report ({@code path accountId: spaces})
 * @param method      HTTP method
 * @param target      path and query, already percent-encoded as sent (may hold {@code ../} on purpose)
 * @param contentType the {@code Content-Type} sent, {@code null} with no body
 * @param body        the body sent, {@code null} for none
 * @param badBody     whether the body itself is bad input (a 2xx to it is reported as accepted)
 */
record SweepCase(ApiOperation operation, String what, String method, String target, String contentType, String body,
                 boolean badBody) {

    @Override
    public String toString() {
        return method + " " + abbreviated(target) + " [" + what + "]";
    }

    private static String abbreviated(String target) {
        return target.length() <= 160 ? target : target.substring(0, 150) + "…(" + target.length() + " chars)";
    }
}
