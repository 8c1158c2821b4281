package org.linli.platform.messaging;

import com.mongodb.WriteConcern;
import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoAction;
import org.springframework.data.mongodb.core.MongoActionOperation;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.WriteConcernResolver;

/**
 * Writes that need not wait for the disk: the platform's bookkeeping, whose loss in a store crash costs only
 * repeated work, never a state change. They are acknowledged without journaling ({@code j: false}, MongoDB's
 * own meaning), and the embedded store then skips its per-write commit; the next journaled write commits
 * them with it.
 * <ul>
 *   <li>{@code outbox_pending}: a marker is always followed by the journaled save of its aggregate, which
 *       persists it too; a lost marker deletion only makes the relay look at the document again;</li>
 *   <li>{@code processed_events}: a lost mark lets a redelivered event run again, which every handler
 *       tolerates (idempotent writes, or a conditional write keyed by event id);</li>
 *   <li>{@code idempotency_keys}: a lost claim or answer lets a retry run again, and the retry finds the
 *       resource the first run created by its key-derived id ({@code NewIds});</li>
 *   <li>the relay's {@code $pull} of published events: a lost one republishes them, and consumers drop them
 *       by event id.</li>
 * </ul>
 * For an issue submission that is five of its own store writes (claim, answer, marker, marker removal, pull)
 * that no longer wait for a commit; only the issue itself does. (Counted in the code, not measured apart.)
 */
public final class Bookkeeping {

    /** Acknowledged by the store, not yet on disk. */
    public static final WriteConcern UNJOURNALED = WriteConcern.W1.withJournal(false);

    static final Set<String> COLLECTIONS = Set.of(OutboxRelay.MARKERS, ProcessedEvents.COLLECTION, "idempotency_keys");

    private Bookkeeping() {
    }

    /** The relay's removal of published events from an aggregate's outbox: an update that only pulls from it. */
    static boolean isOutboxPull(MongoAction action) {
        Document update = action.getDocument();
        return action.getMongoActionOperation() == MongoActionOperation.UPDATE && update != null
                && update.keySet().equals(Set.of("$pull")) && update.get("$pull") instanceof Document pulled
                && pulled.keySet().equals(Set.of(AggregateRoot.OUTBOX_FIELD));
    }

    /** Every MongoTemplate writes the bookkeeping collections unjournaled. */
    static BeanPostProcessor unjournaledTemplates() {
        WriteConcernResolver resolver = action -> COLLECTIONS.contains(action.getCollectionName()) || isOutboxPull(action)
                ? UNJOURNALED : action.getDefaultWriteConcern();
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof MongoTemplate template) {
                    template.setWriteConcernResolver(resolver);
                }
                return bean;
            }
        };
    }
}
