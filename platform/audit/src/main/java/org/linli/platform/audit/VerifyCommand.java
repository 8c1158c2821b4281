package org.linli.platform.audit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./linli audit verify}: checks each service's audit chain directly on the store, without the services
 * running, and prints per service the records checked and the first break. Exit status 0 when every chain is
 * intact, 1 on any break, 2 on bad arguments or an unreachable store.
 *
 * <pre>java -cp org-service.jar -Dloader.main=org.linli.platform.audit.VerifyCommand \
 *      org.springframework.boot.loader.launch.PropertiesLauncher [--uri mongodb://localhost:27017] [database …]</pre>
 * Databases default to the five services' ({@code org-service}, {@code grid-service}, …).
 */
public final class VerifyCommand {

    static final List<String> DATABASES = List.of("org-service", "grid-service", "property-service",
            "issue-service", "points-service");

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        quietLogs();
        System.exit(run(args, System.out, System.err));
    }

    /** The driver logs every connection at INFO; an ops command prints its findings only (WARN and up stay). */
    private static void quietLogs() {
        Object root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        try {
            Class<?> level = Class.forName("ch.qos.logback.classic.Level");
            root.getClass().getMethod("setLevel", level).invoke(root, level.getField("WARN").get(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            // another logging backend: its own configuration applies
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String uri = System.getenv().getOrDefault("LINLI_STORE_URI", "mongodb://localhost:27017");
        List<String> databases = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--uri") && i + 1 < args.length) {
                uri = args[++i];
            } else if (args[i].startsWith("-")) {
                err.println("usage: audit verify [--uri mongodb://host:port] [database …]");
                return 2;
            } else {
                databases.add(args[i]);
            }
        }
        if (databases.isEmpty()) {
            databases.addAll(DATABASES);
        }
        boolean broken = false;
        MongoClientSettings settings = MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS)).build();
        try (MongoClient client = MongoClients.create(settings)) {
            for (String database : databases) {
                ChainVerifier.Verification verification = new AuditChain(client.getDatabase(database)).verify();
                if (verification.intact()) {
                    out.printf("%-17s intact   %d records checked%n", database, verification.checkedRecords());
                } else {
                    broken = true;
                    out.printf("%-17s BROKEN   %d records checked; first break at record %d: %s%n", database,
                            verification.checkedRecords(), verification.firstBreak().sequence(),
                            verification.firstBreak().reason());
                }
            }
        } catch (RuntimeException e) {
            err.println("audit verify: cannot read the store at " + uri + ": " + e.getMessage());
            return 2;
        }
        return broken ? 1 : 0;
    }
}
