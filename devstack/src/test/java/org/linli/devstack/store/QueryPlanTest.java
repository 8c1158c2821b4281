package org.linli.devstack.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which documents the planner reads for a query: only those its indexes point to, and none for an exact count. */
class QueryPlanTest {

    private IndexedH2Collection issues;

    @BeforeEach
    void issuesIndexedByPathAndStatus() {
        IndexedH2Database database = new IndexedH2Database("t", new MVStore.Builder().open(), new CursorRegistry());
        issues = (IndexedH2Collection) database.createCollectionOrThrowIfExists("issues");
        issues.addIndex(new SecondaryIndex("path", List.of(new IndexKey("path", true)), false));
        issues.addIndex(new SecondaryIndex("status", List.of(new IndexKey("status", true)), false));
        for (int i = 0; i < 100; i++) {
            issues.addDocument(new Document("_id", "i" + i).append("path", "county/" + (i % 10) + "/")
                    .append("status", i % 2 == 0 ? "OPEN" : "CLOSED").append("note", "n" + i));
        }
    }

    @Test
    void narrowsAPrefixQueryToItsSubtreeAndCountsItExactly() {
        IndexedH2Collection.Candidates plan = issues.plan(new Document("path", new BsonRegularExpression("^\\Qcounty/3/\\E", "")), Integer.MAX_VALUE);

        assertThat(plan.positions()).hasSize(10);
        assertThat(plan.exact()).isTrue();
    }

    @Test
    void intersectsTheConditionsOfAnAnd() {
        Document query = new Document("$and", List.of(new Document("path", "county/4/"), new Document("status", "OPEN")));

        IndexedH2Collection.Candidates plan = issues.plan(query, Integer.MAX_VALUE);

        assertThat(plan.positions()).hasSize(10).allMatch(id -> Integer.parseInt(id.toString().substring(1)) % 2 == 0);
        assertThat(plan.exact()).isTrue();
    }

    @Test
    void leavesAConditionOnAnUnindexedFieldToTheMatcher() {
        IndexedH2Collection.Candidates plan = issues.plan(new Document("status", "OPEN").append("note", "n4"), Integer.MAX_VALUE);

        assertThat(plan.positions()).hasSize(50);
        assertThat(plan.exact()).isFalse();
        assertThat(issues.count(new Document("status", "OPEN").append("note", "n4"), 0, 0)).isEqualTo(1);
    }

    @Test
    void usesTheIdIndexWhenAnUpdateAlsoChecksTheVersion() {
        IndexedH2Collection.Candidates plan = issues.plan(new Document("_id", "i7").append("version", 3), Integer.MAX_VALUE);

        assertThat(plan.positions()).containsExactly("i7");
    }

    @Test
    void givesNoPlanWhenNoIndexNarrowsBelowTheCap() {
        assertThat(issues.plan(new Document("status", "OPEN"), 20)).isNull();
        assertThat(issues.plan(new Document("note", "n1"), Integer.MAX_VALUE)).isNull();
    }
}
