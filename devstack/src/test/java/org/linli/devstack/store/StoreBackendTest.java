package org.linli.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

class StoreBackendTest {

    @Test
    void commitsAWriteBeforeAnsweringUnlessItsWriteConcernWaivesTheJournal() {
        assertThat(StoreBackend.journaled(new Document("insert", "c"))).isTrue();
        assertThat(StoreBackend.journaled(new Document("insert", "c").append("writeConcern", new Document("w", 1)))).isTrue();
        assertThat(StoreBackend.journaled(new Document("insert", "c").append("writeConcern", new Document("w", "majority").append("j", true)))).isTrue();
        assertThat(StoreBackend.journaled(new Document("insert", "c").append("writeConcern", new Document("w", 1).append("j", false)))).isFalse();
        assertThat(StoreBackend.journaled(new Document("insert", "c").append("writeConcern", new Document("w", 0)))).isFalse();
    }
}
