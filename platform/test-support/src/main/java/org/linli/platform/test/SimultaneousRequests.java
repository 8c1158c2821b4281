package org.linli.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Race tests through MockMvc: {@code n} threads, released together by a barrier, each perform a request (usually
 * the same one), so that the checks and writes of a service interleave as they would under concurrent clients.
 * Assert the outcome (one winner, the documented problem for the others, one document stored), never the timing.
 */
public final class SimultaneousRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SimultaneousRequests() {
    }

    /**
     * The responses to {@code n} requests sent at once; {@code request} builds the i-th (0-based). A fresh builder
     * each time: MockMvc adds its defaults to a builder while performing it, so one builder is not shared by threads.
     */
    public static List<MockHttpServletResponse> perform(MockMvc mvc, int n, IntFunction<RequestBuilder> request)
            throws Exception {
        CyclicBarrier together = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<MockHttpServletResponse>> pending = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                RequestBuilder built = request.apply(i);
                pending.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return mvc.perform(built).andReturn().getResponse();
                }));
            }
            List<MockHttpServletResponse> responses = new ArrayList<>();
            for (Future<MockHttpServletResponse> response : pending) {
                responses.add(response.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many responses had each status, e.g. {@code {201=1, 422=7}}. */
    public static Map<Integer, Integer> statuses(List<MockHttpServletResponse> responses) {
        Map<Integer, Integer> counts = new TreeMap<>();
        responses.forEach(response -> counts.merge(response.getStatus(), 1, Integer::sum));
        return counts;
    }

    /** The problem codes ({@code "code"} of problem+json) of the responses that are not 2xx, in response order. */
    public static List<String> problemCodes(List<MockHttpServletResponse> responses) throws Exception {
        List<String> codes = new ArrayList<>();
        for (MockHttpServletResponse response : responses) {
            if (response.getStatus() >= 300) {
                codes.add(JSON.readTree(response.getContentAsString()).path("code").asString());
            }
        }
        return codes;
    }
}
