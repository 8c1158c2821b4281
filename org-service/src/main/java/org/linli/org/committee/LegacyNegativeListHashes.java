package org.linli.org.committee;

import java.util.Base64;
import java.util.HexFormat;
import org.bson.Document;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Negative-list hashes written before platform/protection are hex; the platform's keyed hash writes the
 * same HMAC bytes as base64url (hex is a digit run that privacy scans take for phone numbers). The key
 * itself was kept ({@code FieldKeys} adopts the old {@code id-number-key}), so a start rewrites the few
 * hex hashes in place and lookups keep matching. The list is small, so the scan per start is cheap.
 */
@Component
class LegacyNegativeListHashes implements ApplicationRunner {

    private static final String COLLECTION = "committee_negative_list";
    private final MongoOperations mongo;

    LegacyNegativeListHashes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        Query hex = Query.query(Criteria.where("idNumberHash").regex("^[0-9a-f]{64}$"));
        for (Document entry : mongo.find(hex, Document.class, COLLECTION)) {
            String old = entry.getString("idNumberHash");
            String rewritten = Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(old));
            mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.get("_id")).and("idNumberHash").is(old)),
                    Update.update("idNumberHash", rewritten), COLLECTION);
        }
    }
}
