package org.linli.issue.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.issue.Seeds.caller;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.issue.Seeds;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An Open311 GeoReport v2 client: discovery and services without a key; create, search and read with one. */
@SpringBootTest(properties = {"spring.kafka.consumer.group-id=open311-it-${random.uuid}",
        "linli.issue.sweep.enabled=false", "linli.issue.qr.secret=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "linli.issue.grid-service.url=http://127.0.0.1:9"})
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class Open311IT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;

    @BeforeEach
    void copiesKnowTheGrid() {
        Seeds.replay(kafka, mongo);
    }

    @Test
    void theOpenApiDocumentDescribesEveryResource() throws Exception {
        String api = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(api).contains("/api/v1/issues/{id}/rating", "/api/v1/issues/qr-reports", "/open311/v2/requests.json",
                "/api/v1/micro-wishes/{id}/claim", "/api/v1/meetings/published/{id}", "/api/v1/issues/statistics");
    }

    @Test
    void aCountySystemCreatesSearchesAndReadsRequestsWithItsApiKey() throws Exception {
        mvc.perform(get("/open311/v2/discovery.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.endpoints[0].specification").value("http://wiki.open311.org/GeoReport_v2"));
        mvc.perform(get("/open311/v2/services.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_code").value("PROPERTY_REPAIR"))
                .andExpect(jsonPath("$[0].service_name").value("物业维修"))
                .andExpect(jsonPath("$[0].metadata").value(false));

        mvc.perform(post("/api/v1/issues/api-keys").with(Seeds.admin()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"12345 热线\"}")).andExpect(status().isForbidden());
        JsonNode created = JSON.readTree(mvc.perform(post("/api/v1/issues/api-keys")
                        .with(caller("COUNTY_ADMIN", null, "county-admin")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"12345 热线\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        String key = created.get("key").asString();
        assertThat(mongo.getCollection("open311_api_keys").find().first().toJson()).doesNotContain(key);

        mvc.perform(post("/open311/v2/requests.json").param("service_code", "ENVIRONMENT")
                        .param("lat", String.valueOf(Seeds.LAT)).param("long", String.valueOf(Seeds.LNG))
                        .param("description", "垃圾满溢"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$[0].code").value(403));
        mvc.perform(post("/open311/v2/requests.json").param("api_key", key).param("service_code", "NOPE")
                        .param("lat", "36.2").param("long", "113.4").param("description", "x"))
                .andExpect(status().isNotFound());
        String id = JSON.readTree(mvc.perform(post("/open311/v2/requests.json")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("api_key", key).param("service_code", "ENVIRONMENT")
                        .param("lat", String.valueOf(Seeds.LAT)).param("long", String.valueOf(Seeds.LNG))
                        .param("description", "垃圾满溢").param("first_name", "王").param("phone", "13700001111"))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get(0).get("service_request_id").asString();

        mvc.perform(get("/open311/v2/requests/" + id + ".json").param("api_key", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].service_request_id").value(id))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].service_code").value("ENVIRONMENT"))
                .andExpect(jsonPath("$[0].long").value(Seeds.LNG))
                .andExpect(jsonPath("$[0].phone").doesNotExist());
        mvc.perform(get("/open311/v2/requests.json").param("api_key", key).param("service_code", "ENVIRONMENT")
                        .param("status", "open"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.service_request_id == '" + id + "')]").exists());
        mvc.perform(get("/open311/v2/requests.json").param("api_key", key).param("status", "closed")
                        .param("service_request_id", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/open311/v2/requests.json").param("api_key", key).param("start_date", "yesterday"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/issues/" + id).with(Seeds.admin()))
                .andExpect(jsonPath("$.channel").value("OPEN311"))
                .andExpect(jsonPath("$.gridId").value(Seeds.GRID));

        java.time.Instant received = java.time.Instant.now().minus(java.time.Duration.ofDays(3))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String earlier = JSON.readTree(mvc.perform(post("/open311/v2/requests.json").param("api_key", key)
                        .param("service_code", "ENVIRONMENT").param("description", "三天前县平台受理")
                        .param("lat", String.valueOf(Seeds.LAT)).param("long", String.valueOf(Seeds.LNG))
                        .param("requested_datetime", received.toString()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get(0).get("service_request_id").asString();
        mvc.perform(get("/open311/v2/requests/" + earlier + ".json").param("api_key", key))
                .andExpect(jsonPath("$[0].requested_datetime").value(received.toString()));
        mvc.perform(post("/open311/v2/requests.json").param("api_key", key).param("service_code", "ENVIRONMENT")
                        .param("description", "来自未来").param("lat", String.valueOf(Seeds.LAT))
                        .param("long", String.valueOf(Seeds.LNG))
                        .param("requested_datetime", java.time.Instant.now().plusSeconds(3600).toString()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value("requested_datetime is not valid"));

        mvc.perform(post("/api/v1/issues/api-keys/" + created.at("/apiKey/id").asString() + "/revocation")
                .with(caller("COUNTY_ADMIN", null, "county-admin"))).andExpect(status().isOk());
        mvc.perform(get("/open311/v2/requests/" + id + ".json").param("api_key", key))
                .andExpect(status().isForbidden());
    }
}
