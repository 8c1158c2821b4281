package org.linli.org.dualregistration;

import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.linli.org.unit.NestedScopePaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A paired community that moves takes its units' pairings with it: each pairing's path (which scopes who
 * may read and act for the unit) is rewritten, the whole list under the unit's version (+1), so an
 * admin's concurrent save answers 409 instead of putting the old path back.
 */
@Component
class PairingPaths implements NestedScopePaths {

    private static final Logger log = LoggerFactory.getLogger(PairingPaths.class);
    private static final String COLLECTION = "dual_registration_units";
    private static final int ATTEMPTS = 5;

    private final MongoOperations mongo;

    PairingPaths(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void rebase(String oldPrefix, String newPrefix) {
        Query paired = new Query(Criteria.where("pairings.path").regex("^" + Pattern.quote(oldPrefix)));
        for (Document unit : mongo.find(paired, Document.class, COLLECTION)) {
            rebase(unit, oldPrefix, newPrefix);
        }
    }

    private void rebase(Document unit, String oldPrefix, String newPrefix) {
        Object id = unit.get("_id");
        for (int attempt = 0; attempt < ATTEMPTS && unit != null; attempt++) {
            List<Document> pairings = unit.getList("pairings", Document.class, List.of()).stream()
                    .map(pairing -> new Document(pairing).append("path", rebased(pairing.getString("path"), oldPrefix,
                            newPrefix))).toList();
            Query atVersion = new Query(Criteria.where("_id").is(id).and("version").is(unit.get("version")));
            if (mongo.updateFirst(atVersion, new Update().set("pairings", pairings).inc("version", 1), COLLECTION)
                    .getModifiedCount() == 1) {
                return;
            }
            unit = mongo.findOne(new Query(Criteria.where("_id").is(id)), Document.class, COLLECTION);
        }
        if (unit != null) {
            log.warn("dual-registration unit {} kept changing: its pairings under {} were not rebased", id, oldPrefix);
        }
    }

    private static String rebased(String path, String oldPrefix, String newPrefix) {
        return path != null && path.startsWith(oldPrefix) ? newPrefix + path.substring(oldPrefix.length()) : path;
    }
}
