package org.linli.e2e.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static final ApiOperation OPERATION = new ApiOperation("points-service", "GET", "/api/v1/x/{id}", List.of(),
            null, false);
    private static final SweepCase CASE = new SweepCase(OPERATION, "path id: garbage", "GET", "/api/v1/x/zz", null, null,
            false);
    private static final String PROBLEM = "application/problem+json";

    @Test
    void a5xxFailsWhateverItsBody() {
        assertThat(Verdict.failure(CASE, 500, PROBLEM, "{\"status\":500,\"title\":\"x\",\"code\":\"internal-error\"}"))
                .hasValueSatisfying(why -> assertThat(why).startsWith("500"));
        assertThat(Verdict.failure(CASE, 503, null, "")).isPresent();
    }

    @Test
    void a4xxPassesOnlyAsProblemJsonWithItsStatusATitleAndACode() {
        assertThat(Verdict.failure(CASE, 404, PROBLEM, "{\"status\":404,\"title\":\"Not found\",\"code\":\"not-found\"}"))
                .isEmpty();
        assertThat(Verdict.failure(CASE, 400, null, "")).hasValueSatisfying(why -> assertThat(why).contains("(none)"));
        assertThat(Verdict.failure(CASE, 400, "application/json", "{\"status\":400}")).isPresent();
        assertThat(Verdict.failure(CASE, 422, PROBLEM, "{\"status\":422,\"title\":\"Rule\"}"))
                .hasValueSatisfying(why -> assertThat(why).contains("without a code"));
        assertThat(Verdict.failure(CASE, 400, PROBLEM, "{\"status\":404,\"title\":\"x\",\"code\":\"y\"}"))
                .hasValueSatisfying(why -> assertThat(why).contains("without its status"));
        assertThat(Verdict.failure(CASE, 400, PROBLEM, "not json")).isPresent();
    }

    @Test
    void successAndOpen311sOwnErrorShapePass() {
        SweepCase open311 = new SweepCase(OPERATION, "query x", "GET", "/open311/v2/requests.json?x=1", null, null, false);

        assertThat(Verdict.failure(CASE, 200, "application/json", "{}")).isEmpty();
        assertThat(Verdict.failure(open311, 400, "application/json", "[{\"code\":400}]")).isEmpty();
        assertThat(Verdict.failure(open311, 500, "application/json", "[]")).isPresent();
    }

    @Test
    void aBadBodyAnswered2xxIsReportedAsAccepted() {
        SweepCase huge = new SweepCase(OPERATION, "body note a 100 KB string", "POST", "/api/v1/x", "application/json",
                "{}", true);

        assertThat(Verdict.accepted(huge, 201)).isTrue();
        assertThat(Verdict.accepted(huge, 400)).isFalse();
        assertThat(Verdict.accepted(CASE, 200)).as("a path probe is not a bad body").isFalse();
    }
}
