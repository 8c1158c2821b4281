package org.linli.e2e.flow;

import org.linli.e2e.client.Gateway;

/**
 * One cross-service flow of issue #8, run against the live stack through the gateway. It asserts
 * what every service shows at the end (an {@link AssertionError} otherwise) and reports the lags it
 * measured, so the end-to-end test and the consistency benchmark run exactly the same steps.
 */
public interface Flow {

    /** A short stable name, e.g. {@code a-qr-report}. */
    String name();

    /** Runs the flow once on fresh data of its own. */
    FlowResult run(Gateway gateway);
}
