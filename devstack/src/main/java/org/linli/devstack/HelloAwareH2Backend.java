package org.linli.devstack;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, taught to answer {@code hello} the way it answers
 * {@code isMaster}: current drivers and Spring Boot's Mongo health indicator send {@code hello},
 * and without this the health check reports DOWN.
 */
final class HelloAwareH2Backend extends H2Backend {

    HelloAwareH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if ("hello".equalsIgnoreCase(command)) {
            Document answer = super.handleCommand(channel, databaseName, "isMaster", query);
            answer.put("isWritablePrimary", Boolean.TRUE);
            return answer;
        }
        return super.handleCommand(channel, databaseName, command, query);
    }
}
