package org.linli.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's AsyncAPI document ({@code /springwolf/docs}) as a test reads it: which event types a channel
 * carries, and which contracts linli-events pins for a producer, to compare the two.
 */
public final class AsyncApiDocument {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode doc;

    private AsyncApiDocument(JsonNode doc) {
        this.doc = doc;
    }

    public static AsyncApiDocument of(String json) {
        return new AsyncApiDocument(JSON.readTree(json));
    }

    public JsonNode json() {
        return doc;
    }

    /** The simple names of the messages on a channel ({@code org.linli.events.grid.GridCreated} → GridCreated). */
    public List<String> messagesOn(String channel) {
        List<String> names = new ArrayList<>();
        doc.path("channels").path(channel).path("messages").propertyNames()
                .forEach(name -> names.add(name.substring(name.lastIndexOf('.') + 1)));
        return names;
    }

    /** Whether some operation on the channel has this action ({@code send} or {@code receive}). */
    public boolean hasOperation(String channel, String action) {
        for (JsonNode operation : doc.path("operations")) {
            if (action.equals(operation.path("action").asString())
                    && operation.path("channel").path("$ref").asString().equals("#/channels/" + channel)) {
                return true;
            }
        }
        return false;
    }

    /** The event types pinned in linli-events for a producer, from {@code contracts/<folder>/*.json}. */
    public static List<String> contracts(String folder) {
        try {
            Resource[] examples = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:contracts/" + folder + "/*.json");
            return Arrays.stream(examples).map(Resource::getFilename).map(name -> name.replace(".json", ""))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
