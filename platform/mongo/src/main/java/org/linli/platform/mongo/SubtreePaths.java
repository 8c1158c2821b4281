package org.linli.platform.mongo;

import java.time.Instant;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Follows the move of a subtree in materialised paths ({@code /a/b/c/}) a service scopes its documents by:
 * every value that starts with the old path gets the new prefix. A document is rewritten only while it still
 * holds the value read, so a move applied twice changes nothing. A blank old or new path would rewrite every
 * document (every path starts with ""): it is refused with an {@link IllegalArgumentException}, before
 * anything is read. Which event moves a subtree, and which fields follow it, is the calling service's
 * knowledge.
 */
public final class SubtreePaths {

    private SubtreePaths() {
    }

    /** Rebases {@code field} of every document of {@code collection} below {@code oldPath}. */
    public static void rebase(MongoOperations mongo, String collection, String field, String oldPath, String newPath) {
        rebase(mongo, collection, field, oldPath, newPath, null);
    }

    /** As {@link #rebase(MongoOperations, String, String, String, String)}, also setting {@code updatedAt} when given. */
    public static void rebase(MongoOperations mongo, String collection, String field, String oldPath, String newPath,
                              Instant updatedAt) {
        requirePaths(oldPath, newPath);
        Query subtree = new Query(Criteria.where(field).regex("^" + Pattern.quote(oldPath)));
        subtree.fields().include(field);
        for (Document doc : mongo.find(subtree, Document.class, collection)) {
            String path = doc.getString(field);
            Update update = new Update().set(field, rebase(path, oldPath, newPath));
            if (updatedAt != null) {
                update.set("updatedAt", updatedAt);
            }
            mongo.updateFirst(new Query(Criteria.where("_id").is(doc.get("_id")).and(field).is(path)), update, collection);
        }
    }

    /** The path with the new prefix when it lies below {@code oldPath}; otherwise (or {@code null}) unchanged. */
    public static String rebase(String path, String oldPath, String newPath) {
        requirePaths(oldPath, newPath);
        return path != null && path.startsWith(oldPath) ? newPath + path.substring(oldPath.length()) : path;
    }

    private static void requirePaths(String oldPath, String newPath) {
        if (oldPath == null || oldPath.isBlank() || newPath == null || newPath.isBlank()) {
            throw new IllegalArgumentException("a subtree move needs a non-blank old and new path");
        }
    }
}
