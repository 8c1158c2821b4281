package org.linli.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A service's AsyncAPI document (springwolf, {@code /springwolf/docs}) names every event the service sends, exactly
 * the contracts linli-events pins for its topic, with a {@code send} operation; and on each topic it reads, exactly
 * the event types its listeners handle, with a {@code receive} operation; and each listener documents with its
 * {@code @AsyncListener}s exactly the contract types its {@code EventHandlers} table handles, so the document cannot
 * claim an event a listener drops nor hide one it acts on. Each service's {@code AsyncApiIT} extends this with its
 * Spring Boot test annotations, its own topic and what it reads.
 */
public abstract class AsyncApiContract {

    private final String topic;
    private final String contracts;
    private final Map<String, List<String>> reads;

    @Autowired
    protected MockMvc mvc;
    @Autowired
    private ApplicationContext context;

    /**
     * @param topic the topic the service sends on ({@code org.linli.events.Topics})
     * @param contracts the folder of its pinned examples in linli-events ({@code contracts/<folder>/*.json})
     * @param reads the event types the service reads, by topic (simple names, as {@link AsyncApiDocument#messagesOn})
     */
    protected AsyncApiContract(String topic, String contracts, Map<String, List<String>> reads) {
        this.topic = topic;
        this.contracts = contracts;
        this.reads = Map.copyOf(reads);
    }

    @Test
    void documentsEveryPinnedEventAsSentOnItsTopic() throws Exception {
        AsyncApiDocument doc = document();

        assertThat(doc.messagesOn(topic)).containsExactlyInAnyOrderElementsOf(AsyncApiDocument.contracts(contracts));
        assertThat(doc.hasOperation(topic, "send")).as("a send operation on " + topic).isTrue();
    }

    @Test
    void documentsExactlyTheEventsItReads() throws Exception {
        AsyncApiDocument doc = document();

        assertThat(reads).isNotEmpty();
        reads.forEach((read, types) -> {
            assertThat(doc.messagesOn(read)).as("the messages on " + read).containsExactlyInAnyOrderElementsOf(types);
            assertThat(doc.hasOperation(read, "receive")).as("a receive operation on " + read).isTrue();
        });
    }

    @Test
    void eachListenerDocumentsExactlyTheEventTypesItsHandlersTake() {
        List<DocumentedListeners.Listener> listeners = DocumentedListeners.of(context);

        assertThat(listeners).as("the service's Kafka listeners").isNotEmpty();
        assertThat(listeners).filteredOn(listener -> !listener.agrees())
                .extracting(DocumentedListeners.Listener::difference)
                .as("@AsyncListener payload types against the EventHandlers table, per listener").isEmpty();
    }

    /** The served AsyncAPI document. */
    protected AsyncApiDocument document() throws Exception {
        return AsyncApiDocument.of(mvc.perform(get("/springwolf/docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }
}
