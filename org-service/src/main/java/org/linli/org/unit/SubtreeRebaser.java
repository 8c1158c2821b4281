package org.linli.org.unit;

import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Rewrites the paths of a moved unit's descendants. The moved unit keeps {@code rebaseFrom} until
 * every descendant is done, so a crash half-way is finished at the next start-up; rewriting is
 * idempotent (a descendant already rebased no longer matches the old prefix).
 */
@Component
class SubtreeRebaser implements ApplicationRunner {

    private final MongoOperations mongo;
    private final OrgUnitRepository units;

    SubtreeRebaser(MongoOperations mongo, OrgUnitRepository units) {
        this.mongo = mongo;
        this.units = units;
    }

    void completeMove(OrgUnit moved) {
        String oldPrefix = moved.rebaseFrom();
        if (oldPrefix == null) {
            return;
        }
        Query descendants = new Query(Criteria.where("path").regex("^" + Pattern.quote(oldPrefix)));
        descendants.fields().include("path");
        for (Document descendant : mongo.find(descendants, Document.class, "org_units")) {
            String path = descendant.getString("path");
            mongo.updateFirst(new Query(Criteria.where("_id").is(descendant.get("_id")).and("path").is(path)),
                    new Update().set("path", moved.path() + path.substring(oldPrefix.length())).inc("version", 1),
                    "org_units");
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(moved.id())), new Update().unset("rebaseFrom"), "org_units");
        moved.rebaseDone();
    }

    /** Finishes moves that a crash interrupted. */
    @Override
    public void run(ApplicationArguments args) {
        units.findByRebaseFromNotNull().forEach(this::completeMove);
    }
}
