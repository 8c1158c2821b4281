package org.linli.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** The naming and error-documentation rules of the OpenAPI conventions, without Spring. */
class ApiDocsConventionsTest {

    @Test
    void operationIdsNameTheResourceAfterTheVerb() {
        assertThat(OperationIds.of("Grid", "list", true)).isEqualTo("listGrids");
        assertThat(OperationIds.of("Activity", "page", true)).isEqualTo("listActivities");
        assertThat(OperationIds.of("MicroWish", "list", true)).isEqualTo("listMicroWishes");
        assertThat(OperationIds.of("Household", "register", false)).isEqualTo("registerHousehold");
        assertThat(OperationIds.of("Activity", "checkIn", false)).isEqualTo("checkInActivity");
        assertThat(OperationIds.of("Household", "createBuilding", false)).isEqualTo("createBuilding");
        assertThat(OperationIds.of("PartyMember", "linkHousehold", false)).isEqualTo("linkHousehold");
        assertThat(OperationIds.of("Honour", "list", false)).as("a POST named list is a verb").isEqualTo("listHonour");
        assertThat(OperationIds.resourceOf("OrgUnitController")).isEqualTo("OrgUnit");
    }

    @Test
    void schemaNamesLoseTheirPackagesButNotTheirDifferences() {
        Map<String, String> renames = SchemaNames.renames(List.of(
                "org.linli.grid.grid.GridController.GridResponse",
                "org.springframework.data.web.PagedModelOrg.linli.grid.grid.GridController.GridResponse",
                "org.linli.property.company.CompanyController.RegisterRequest",
                "org.linli.property.compound.CompoundController.RegisterRequest",
                "Problem"));

        assertThat(renames).containsEntry("org.linli.grid.grid.GridController.GridResponse", "GridResponse")
                .containsEntry("org.springframework.data.web.PagedModelOrg.linli.grid.grid.GridController.GridResponse",
                        "PagedModelGridResponse")
                .containsEntry("org.linli.property.company.CompanyController.RegisterRequest", "CompanyRegisterRequest")
                .containsEntry("org.linli.property.compound.CompoundController.RegisterRequest", "CompoundRegisterRequest")
                .doesNotContainKey("Problem");
    }

    @Test
    void businessCodesAreTheDeclaredOnesTheDescriptionNamesAfterTheirStatus() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("problem.invalid-grid-level.title", java.util.Locale.ENGLISH, "Invalid level");
        messages.addMessage("problem.unknown-community.title", java.util.Locale.ENGLISH, "Unknown community");
        messages.addMessage("problem.too-many-reports.title", java.util.Locale.ENGLISH, "Too many reports");
        ErrorResponses responses = new ErrorResponses(messages, List.of());
        Operation operation = new Operation().summary("Create a grid").description(
                "Roles: admins (403). A child is finer (422 invalid-grid-level). 422 unknown-community, "
                        + "made-up-code; 429 too-many-reports. ISO-8601 dates, 1–5 stars.");

        assertThat(responses.promisedCodes(operation)).isEqualTo(Map.of(
                422, Set.of("invalid-grid-level", "unknown-community"), 429, Set.of("too-many-reports")));
    }

    @Test
    void examplesPassTheConventionsValidation() {
        assertThat(SchemaExamples.exampleFor("lat", new NumberSchema())).isEqualTo(new BigDecimal("32.0103"));
        assertThat(SchemaExamples.exampleFor("reporterPhone", new StringSchema())).isEqualTo(SchemaExamples.MOBILE);
        assertThat(SchemaExamples.exampleFor("month", new StringSchema())).isEqualTo("2026-11");
        assertThat(SchemaExamples.exampleFor("rating", new IntegerSchema().minimum(BigDecimal.ONE)))
                .isEqualTo(java.math.BigInteger.ONE);
        assertThat(SchemaExamples.exampleFor("version", new IntegerSchema())).isEqualTo(0);
        assertThat(SchemaExamples.exampleFor("description", new StringSchema())).isNull();
    }

    @Test
    void aBodyExampleHasTheRequiredFieldsAndALocationButNoGuessedIds() {
        Schema<?> report = new ObjectSchema()
                .addProperty("category", new StringSchema()._enum(List.of("PROPERTY_REPAIR", "NOISE")))
                .addProperty("description", new StringSchema().minLength(1).maxLength(2000))
                .addProperty("lat", new NumberSchema().example(new BigDecimal("32.0103")))
                .addProperty("lng", new NumberSchema().example(new BigDecimal("112.1452")))
                .addProperty("buildingId", new StringSchema())
                .required(List.of("category", "description"));
        Schema<?> template = new ObjectSchema().addProperty("id", new StringSchema().pattern("[A-Z]+"))
                .required(List.of("id"));

        assertThat(SchemaExamples.minimalBody(report, Map.of(), Set.of(), 0)).isEqualTo(Map.of(
                "category", "PROPERTY_REPAIR", "description", "text", "lat", new BigDecimal("32.0103"),
                "lng", new BigDecimal("112.1452")));
        assertThat(SchemaExamples.minimalBody(template, Map.of(), Set.of(), 0))
                .as("no example rather than one the pattern refuses").isNull();
    }
}
