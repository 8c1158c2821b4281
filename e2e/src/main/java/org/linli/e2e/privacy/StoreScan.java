package org.linli.e2e.privacy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * {@code privacy-scan --mongo URI}: every database (but {@code admin}, {@code local}, {@code config}) and
 * collection of the store, every document, every string value at any depth (and binary values read as
 * UTF-8, such as remembered HTTP answers; not GridFS chunks, which are photos), for {@link PersonalData}.
 * Prints {@code database.collection _id=… field=path: kind masked} for each finding; the caller exits 1 when
 * there is any. Works on the embedded store too (it speaks the wire protocol).
 */
public final class StoreScan {

    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");

    private final PrintStream out;
    private int findings;
    private long documents;

    public StoreScan(PrintStream out) {
        this.out = out;
    }

    /** The number of findings in the store at {@code uri}. */
    public int scan(String uri) {
        findings = 0;
        documents = 0;
        int collections = 0;
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS)).build())) {
            for (String databaseName : client.listDatabaseNames()) {
                if (SYSTEM_DATABASES.contains(databaseName)) {
                    continue;
                }
                MongoDatabase database = client.getDatabase(databaseName);
                for (String collectionName : database.listCollectionNames()) {
                    if (collectionName.startsWith("system.")) {
                        continue;
                    }
                    collections++;
                    scan(databaseName + "." + collectionName, database.getCollection(collectionName),
                            !collectionName.endsWith(".chunks"));
                }
            }
        }
        out.printf("privacy-scan: %d collection(s), %d document(s), %d finding(s)%n", collections, documents, findings);
        return findings;
    }

    private void scan(String name, MongoCollection<Document> collection, boolean readBinary) {
        for (Document document : collection.find()) {
            documents++;
            Object id = document.get("_id");
            walk(name, id, "", document, readBinary);
        }
    }

    private void walk(String collection, Object id, String path, Object value, boolean readBinary) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, nested) -> walk(collection, id, path.isEmpty() ? key.toString() : path + "." + key,
                    nested, readBinary));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(collection, id, path + "[" + i + "]", list.get(i), readBinary);
            }
        } else if (value instanceof String text) {
            report(collection, id, path, text);
        } else if (value instanceof Binary binary && readBinary) {
            report(collection, id, path, new String(binary.getData(), StandardCharsets.UTF_8));
        }
    }

    private void report(String collection, Object id, String path, String text) {
        for (PersonalData.Match match : PersonalData.findIn(text)) {
            findings++;
            String shownId = PersonalData.findIn(String.valueOf(id)).isEmpty() ? String.valueOf(id) : "(masked)";
            out.printf("%s _id=%s field=%s: %s%n", collection, shownId, path, match);
        }
    }
}
