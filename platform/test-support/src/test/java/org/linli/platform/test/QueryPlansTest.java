package org.linli.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.linli.devstack.EmbeddedMongo;

/** The plan walking on explain answers as MongoDB 8 gives them (trimmed), without a server. */
class QueryPlansTest {

    @Test
    void findsACollectionScanUnderTheClassicWinningPlan() {
        Document explained = Document.parse("""
                {"queryPlanner": {"namespace": "db.issues",
                  "winningPlan": {"stage": "SORT", "inputStage": {"stage": "COLLSCAN", "filter": {"status": {"$eq": "OPEN"}}}},
                  "rejectedPlans": []}, "ok": 1}""");

        assertThat(QueryPlans.scansCollection(explained)).isTrue();
        assertThat(QueryPlans.winningStages(explained)).containsExactly("SORT", "COLLSCAN");
    }

    @Test
    void anIndexScanWinsEvenWhenARejectedPlanScans() {
        Document explained = Document.parse("""
                {"queryPlanner": {
                  "winningPlan": {"stage": "LIMIT", "inputStage": {"stage": "FETCH",
                      "inputStage": {"stage": "IXSCAN", "indexName": "reportedAt"}}},
                  "rejectedPlans": [{"stage": "SORT", "inputStage": {"stage": "COLLSCAN"}}]}, "ok": 1}""");

        assertThat(QueryPlans.scansCollection(explained)).isFalse();
        assertThat(QueryPlans.winningStages(explained)).containsExactly("LIMIT", "FETCH", "IXSCAN");
    }

    @Test
    void readsTheSlotBasedEnginesQueryPlan() {
        Document explained = Document.parse("""
                {"explainVersion": "2", "queryPlanner": {
                  "winningPlan": {"queryPlan": {"stage": "COLLSCAN", "planNodeId": 1}, "slotBasedPlan": {"stages": "[1] scan s1"}},
                  "rejectedPlans": []}, "ok": 1}""");

        assertThat(QueryPlans.winningStages(explained)).containsExactly("COLLSCAN");
    }

    @Test
    void readsTheCursorStageOfAnAggregationAndEveryShard() {
        Document aggregation = Document.parse("""
                {"stages": [{"$cursor": {"queryPlanner": {"winningPlan": {"stage": "PROJECTION_SIMPLE",
                    "inputStage": {"stage": "IXSCAN", "indexName": "month_community"}}}}},
                  {"$group": {"_id": "$accountId"}}], "ok": 1}""");
        Document sharded = Document.parse("""
                {"queryPlanner": {"winningPlan": {"stage": "SHARD_MERGE", "shards": [
                  {"shardName": "a", "winningPlan": {"stage": "IXSCAN"}},
                  {"shardName": "b", "winningPlan": {"stage": "COLLSCAN"}}]}}, "ok": 1}""");

        assertThat(QueryPlans.scansCollection(aggregation)).isFalse();
        assertThat(QueryPlans.winningStages(aggregation)).containsExactly("PROJECTION_SIMPLE", "IXSCAN");
        assertThat(QueryPlans.scansCollection(sharded)).isTrue();
    }

    @Test
    void anIdLookupIsNoScan() {
        Document explained = Document.parse("""
                {"queryPlanner": {"winningPlan": {"stage": "EXPRESS_IXSCAN", "keyPattern": "{ _id: 1 }"}}, "ok": 1}""");

        assertThat(QueryPlans.scansCollection(explained)).isFalse();
    }

    @Test
    void onlyAFindWithoutFilterAndSortNeedsNoIndex() {
        assertThat(QueryPlans.needsAnIndex(BsonDocument.parse("{\"find\": \"grids\", \"projection\": {\"path\": 1}}")))
                .isFalse();
        assertThat(QueryPlans.needsAnIndex(BsonDocument.parse("{\"find\": \"grids\", \"filter\": {}, \"limit\": 20}")))
                .isFalse();
        assertThat(QueryPlans.needsAnIndex(BsonDocument.parse("{\"find\": \"issues\", \"filter\": {}, "
                + "\"sort\": {\"reportedAt\": -1}}"))).isTrue();
        assertThat(QueryPlans.needsAnIndex(BsonDocument.parse("{\"find\": \"issues\", \"filter\": {\"gridId\": \"g\"}}")))
                .isTrue();
        assertThat(QueryPlans.needsAnIndex(BsonDocument.parse("{\"aggregate\": \"issues\", \"pipeline\": "
                + "[{\"$match\": {}}], \"cursor\": {}}"))).isTrue();
    }

    @Test
    void queriesThatDifferOnlyInTheirValuesHaveOneShape() {
        BsonDocument first = BsonDocument.parse("""
                {"find": "issues", "filter": {"status": "OPEN", "reportedAt": {"$gte": {"$date": "2026-11-01T00:00:00Z"}}},
                 "sort": {"reportedAt": -1}, "limit": 20}""");
        BsonDocument second = BsonDocument.parse("""
                {"find": "issues", "filter": {"status": "CLOSED", "reportedAt": {"$gte": {"$date": "2026-12-01T00:00:00Z"}}},
                 "sort": {"reportedAt": -1}, "limit": 40}""");
        BsonDocument otherFilter = BsonDocument.parse("""
                {"find": "issues", "filter": {"gridId": "g1"}, "sort": {"reportedAt": -1}, "limit": 20}""");

        assertThat(QueryPlans.shape(first)).isEqualTo(QueryPlans.shape(second));
        assertThat(QueryPlans.shape(first)).isNotEqualTo(QueryPlans.shape(otherFilter));
    }

    @Test
    void recordsEachQueryShapeOnceAndEveryWriteStatementOnItsOwn() {
        QueryPlans plans = new QueryPlans();
        try (EmbeddedMongo store = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(MongoClientSettings.builder()
                     .applyConnectionString(new ConnectionString(store.uri("plans"))).addCommandListener(plans).build())) {
            MongoCollection<Document> issues = client.getDatabase("plans").getCollection("issues");
            issues.insertOne(new Document("_id", "i1").append("status", "OPEN"));
            issues.find(Filters.eq("status", "OPEN")).sort(Sorts.descending("reportedAt")).limit(20).first();
            issues.find(Filters.eq("status", "CLOSED")).sort(Sorts.descending("reportedAt")).limit(20).first();
            issues.updateOne(Filters.eq("_id", "i1"), Updates.set("status", "CLOSED"));
            issues.countDocuments(Filters.eq("gridId", "g1"));
        }

        assertThat(plans.recordedOn("issues")).extracting(QueryPlans.Recorded::command)
                .containsExactly("find", "update", "aggregate");
        BsonDocument update = plans.recordedOn("issues").get(1).query();
        assertThat(update.getArray("updates")).hasSize(1);
        assertThat(update.containsKey("lsid")).isFalse();
        assertThat(update.containsKey("$db")).isFalse();
    }
}
