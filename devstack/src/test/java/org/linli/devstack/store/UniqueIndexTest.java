package org.linli.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UniqueIndexTest {

    @Test
    void theIdIndexKeepsOneCopyOfEachIdTheDocumentsAndTheFileEachRead() {
        UniqueIndex ids = new UniqueIndex("_id_", List.of(new IndexKey("_id", true)), false);
        String readFromTheDocument = new String("issue-1");
        String positionReadFromTheFile = new String("issue-1");

        ids.add(new Document("_id", readFromTheDocument), positionReadFromTheFile, null);

        Map.Entry<KeyValue, Object> entry = ids.getIterable().iterator().next();
        assertThat(entry.getKey().get(0)).isSameAs(positionReadFromTheFile);
        assertThat(ids.getPosition(new Document("_id", "issue-1"))).isSameAs(positionReadFromTheFile);
    }

    @Test
    void anotherUniqueIndexKeepsItsOwnKeys() {
        UniqueIndex sourceIds = new UniqueIndex("sourceId", List.of(new IndexKey("sourceId", true)), false);

        sourceIds.add(new Document("_id", "issue-1").append("sourceId", "12345-7"), "issue-1", null);

        assertThat(sourceIds.getIterable().iterator().next().getKey().get(0)).isEqualTo("12345-7");
        assertThat(sourceIds.getPosition(new Document("sourceId", "12345-7"))).isEqualTo("issue-1");
    }
}
