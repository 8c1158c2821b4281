package org.linli.e2e.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SweepCasesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A document in springdoc's shape: a $ref'd body, the internal caller parameter, a paged list, no operationIds. */
    private static final String DOCUMENT = """
            {"openapi": "3.1.0",
             "paths": {
               "/api/v1/points/accounts/{accountId}/corrections": {
                 "parameters": [{"name": "accountId", "in": "path", "required": true, "schema": {"type": "string"}}],
                 "post": {
                   "parameters": [{"name": "caller", "in": "query", "required": true,
                                   "schema": {"$ref": "#/components/schemas/Caller"}}],
                   "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Correction"}}}}}},
               "/api/v1/honour-lists/red": {
                 "get": {"parameters": [
                   {"name": "month", "in": "query", "required": true, "schema": {"type": "string", "pattern": "^\\\\d{4}-(0[1-9]|1[0-2])$"}},
                   {"name": "size", "in": "query", "schema": {"type": "integer", "format": "int32"}},
                   {"name": "status", "in": "query", "schema": {"$ref": "#/components/schemas/Status"}},
                   {"name": "pageable", "in": "query", "schema": {"$ref": "#/components/schemas/Pageable"}}]}},
               "/api/v1/issues/{id}/resolution": {
                 "post": {"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                          "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object"}}}}}}},
             "components": {"schemas": {
               "Caller": {"type": "object"},
               "Status": {"type": "string", "enum": ["OPEN", "CLOSED"]},
               "Pageable": {"type": "object"},
               "Correction": {"type": "object", "properties": {
                 "amount": {"type": "integer", "format": "int64"},
                 "reference": {"type": "string"},
                 "tags": {"type": "array", "items": {"type": "string"}}}}}}}
            """;

    private static List<ApiOperation> operations() {
        return OpenApiOperations.of("points-service", JSON.readTree(DOCUMENT));
    }

    private static ApiOperation operation(String method, String path) {
        return operations().stream().filter(op -> op.method().equals(method) && op.path().equals(path)).findFirst()
                .orElseThrow();
    }

    private static List<SweepCase> cases(String method, String path) {
        return SweepCases.of(operation(method, path), true);
    }

    @Test
    void readsOperationsByMethodAndPathWithPathLevelParametersAndResolvedBodiesButNotTheCallerArgument() {
        ApiOperation correction = operation("POST", "/api/v1/points/accounts/{accountId}/corrections");

        assertThat(correction.parameters()).extracting(ApiOperation.Parameter::name).containsExactly("accountId");
        assertThat(correction.jsonBody()).containsOnlyKeys("amount", "reference", "tags");
        assertThat(operation("POST", "/api/v1/issues/{id}/resolution").multipart()).isTrue();
        assertThat(operation("GET", "/api/v1/honour-lists/red").paged()).isTrue();
    }

    @Test
    void everyPathParameterGetsGarbageTraversalSpacesSymbolsOperatorsAndVeryLongIds() {
        List<String> targets = cases("POST", "/api/v1/points/accounts/{accountId}/corrections").stream()
                .filter(c -> c.what().startsWith("path accountId")).map(SweepCase::target).toList();

        assertThat(targets).hasSize(SweepCases.BAD_IDS.size()).contains(
                "/api/v1/points/accounts/zz-sweep-garbage-9f3/corrections",
                "/api/v1/points/accounts/../../sweep/corrections",
                "/api/v1/points/accounts/%20sweep%20id%20/corrections",
                "/api/v1/points/accounts/%7B%22%24gt%22%3A%22%22%7D/corrections",
                "/api/v1/points/accounts/" + "x".repeat(5000) + "/corrections");
        assertThat(targets).allSatisfy(target -> assertThat(java.net.URI.create("http://gateway" + target)).isNotNull());
    }

    @Test
    void otherPathVariablesNameNothingSoNoCaseTouchesAStoredResource() {
        assertThat(SweepCases.path("/api/v1/a/{x}/b/{y}", "y", "zz")).isEqualTo("/api/v1/a/sweep-none/b/zz");
        assertThat(cases("POST", "/api/v1/points/accounts/{accountId}/corrections"))
                .filteredOn(c -> !c.what().startsWith("path "))
                .allSatisfy(c -> assertThat(c.target()).startsWith("/api/v1/points/accounts/sweep-none/corrections"));
    }

    @Test
    void queryParametersGetValuesTheirSchemaCannotTakeAndPagedListsGarbagePaging() {
        List<String> targets = cases("GET", "/api/v1/honour-lists/red").stream().map(SweepCase::target).toList();

        assertThat(targets).contains("/api/v1/honour-lists/red?month=abc", "/api/v1/honour-lists/red?month=2026-13",
                "/api/v1/honour-lists/red?size=abc", "/api/v1/honour-lists/red?status=NOT_A_VALUE",
                "/api/v1/honour-lists/red?page=abc", "/api/v1/honour-lists/red?size=100000",
                "/api/v1/honour-lists/red?sort=%24where");
        assertThat(targets).noneMatch(target -> target.contains("pageable=") || target.contains("caller="));
    }

    @Test
    void aJsonBodyGetsMalformedJsonWrongShapesWrongContentTypesAndEachPropertyWrongOperatorAndHuge() {
        List<SweepCase> cases = cases("POST", "/api/v1/points/accounts/{accountId}/corrections");

        assertThat(cases).extracting(SweepCase::what).contains("malformed JSON", "wrong content type text/plain",
                "body []", "body null", "body empty", "every property an operator object",
                "body amount of the wrong type", "body reference an operator object", "body reference a 100 KB string",
                "body tags a 100 KB string");
        SweepCase operator = cases.stream().filter(c -> c.what().equals("body reference an operator object"))
                .findFirst().orElseThrow();
        JsonNode body = JSON.readTree(operator.body());
        assertThat(body.path("reference").path("$gt").isString()).isTrue();
        assertThat(body.path("amount").asInt()).as("the other properties stay plausible").isEqualTo(1);
        SweepCase huge = cases.stream().filter(c -> c.what().equals("body reference a 100 KB string")).findFirst()
                .orElseThrow();
        assertThat(JSON.readTree(huge.body()).path("reference").asString()).hasSize(SweepCases.HUGE_STRING);
        assertThat(huge.body().length()).as("within the services' 1 MB body limit").isLessThan(1_000_000);
        assertThat(cases).filteredOn(SweepCase::badBody).allSatisfy(c -> assertThat(c.method()).isEqualTo("POST"));
    }

    @Test
    void aMultipartOperationGetsJsonAndPlainTextInstead() {
        assertThat(cases("POST", "/api/v1/issues/{id}/resolution")).extracting(SweepCase::what)
                .contains("JSON to a multipart operation", "wrong content type text/plain");
    }

    @Test
    void withoutATokenOnlyAFewCasesPerOperationAreSent() {
        ApiOperation correction = operation("POST", "/api/v1/points/accounts/{accountId}/corrections");

        assertThat(SweepCases.of(correction, false)).extracting(SweepCase::what)
                .containsExactlyInAnyOrder("path accountId: garbage", "malformed JSON");
    }

    @Test
    void monthsDatesNumbersAndEnumsGetValuesThatCannotParse() {
        JsonNode date = JSON.readTree("{\"type\": \"string\", \"format\": \"date\"}");
        JsonNode number = JSON.readTree("{\"type\": \"integer\"}");

        assertThat(SweepCases.badQueryValues(new ApiOperation.Parameter("from", "query", date))).contains("2026-13-45");
        assertThat(SweepCases.badQueryValues(new ApiOperation.Parameter("month", "query", JSON.readTree("{}"))))
                .contains("2026-13", "abc");
        assertThat(SweepCases.badQueryValues(new ApiOperation.Parameter("year", "query", number))).contains("abc", "1e999");
    }
}
