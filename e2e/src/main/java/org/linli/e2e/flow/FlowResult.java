package org.linli.e2e.flow;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The lags one run of a flow measured: from the request that starts an effect until the last service shows it. */
public record FlowResult(String flow, Map<String, Duration> lags) {

    public FlowResult {
        lags = Map.copyOf(lags);
    }

    public static Builder of(String flow) {
        return new Builder(flow);
    }

    public static final class Builder {
        private final String flow;
        private final Map<String, Duration> lags = new LinkedHashMap<>();

        private Builder(String flow) {
            this.flow = flow;
        }

        public Builder lag(String what, Duration lag) {
            lags.put(what, lag);
            return this;
        }

        public FlowResult build() {
            return new FlowResult(flow, lags);
        }
    }
}
