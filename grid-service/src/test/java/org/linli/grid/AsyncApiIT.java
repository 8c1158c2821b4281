package org.linli.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.linli.platform.test.EmbeddedInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The AsyncAPI document (springwolf) names every grid event as sent on grid.events, and is public. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class AsyncApiIT {

    @Autowired
    MockMvc mvc;

    @Test
    void documentsEveryGridEventAsSentAndTheOrgEventsItReads() throws Exception {
        String body = mvc.perform(get("/springwolf/docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        JsonNode doc = JsonMapper.builder().build().readTree(body);

        assertThat(doc.at("/asyncapi").asString()).startsWith("3.");
        List<String> messages = new ArrayList<>();
        doc.at("/channels/grid.events/messages").propertyNames().forEach(name -> messages.add(simpleName(name)));
        assertThat(messages).containsExactlyInAnyOrderElementsOf(contracts("grid-events"));
        assertThat(doc.at("/operations").toString()).contains("\"action\":\"send\"");
        assertThat(doc.at("/components/schemas/org.linli.events.grid.GridCreated/examples/0/name").asString())
                .as("the pinned contract example, not a generated placeholder").isEqualTo("檀溪社区第一微网格");
        List<String> received = new ArrayList<>();
        doc.at("/channels/org.events/messages").propertyNames().forEach(name -> received.add(simpleName(name)));
        assertThat(received).containsExactlyInAnyOrder("OrgUnitCreated", "OrgUnitRenamed", "OrgUnitMoved",
                "OrgUnitDeactivated", "PartyMemberRegistered", "PartyMemberTransferred");
        assertThat(doc.at("/operations").toString()).contains("\"action\":\"receive\"");
        mvc.perform(get("/springwolf/asyncapi-ui.html")).andExpect(status().isOk());
    }

    private static String simpleName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The contract examples shipped in linli-events, by type. */
    static List<String> contracts(String folder) throws IOException {
        Path examples = Path.of("..", "platform", "events", "src", "main", "resources", "contracts", folder);
        try (Stream<Path> files = Files.list(examples)) {
            return files.map(file -> file.getFileName().toString().replace(".json", "")).sorted().toList();
        }
    }
}
