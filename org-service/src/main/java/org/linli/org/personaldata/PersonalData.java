package org.linli.org.personaldata;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.linli.org.identity.Account;
import org.linli.org.member.PartyMember;
import org.linli.platform.web.Caller;
import org.linli.platform.domain.NotFoundException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Assembles everything Linli holds about the caller (PIPL art. 45): org-service's own records read here, the
 * other services' parts and the five audit trails' unmasked reads fetched in parallel through the gateway with
 * the caller's token. A service that does not answer is named in {@code missing}; the download never fails
 * because of one.
 */
@Service
class PersonalData {

    /**
     * At most this many calls at once for all downloads together: the download is rare and the gateway shared. One
     * download makes nine (four parts, five trails): two waves of the part timeout stay under the gateway's 10 s.
     */
    private static final int CALLS_AT_ONCE = 8;

    private final MongoTemplate mongo;
    private final OtherServices others;
    private final CorrectionRequests corrections;
    private final Clock clock;
    private final ExecutorService calls = Executors.newFixedThreadPool(CALLS_AT_ONCE, runnable -> {
        Thread thread = new Thread(runnable, "personal-data");
        thread.setDaemon(true);
        return thread;
    });

    PersonalData(MongoTemplate mongo, OtherServices others, CorrectionRequests corrections, Clock clock) {
        this.mongo = mongo;
        this.others = others;
        this.corrections = corrections;
        this.clock = clock;
    }

    PersonalDataDocument assemble(Caller caller, String bearerToken) {
        Map<PersonalDataPart, CompletableFuture<Optional<JsonNode>>> parts = new EnumMap<>(PersonalDataPart.class);
        Map<PersonalDataPart, CompletableFuture<Optional<List<JsonNode>>>> reads = new EnumMap<>(PersonalDataPart.class);
        for (PersonalDataPart part : PersonalDataPart.values()) {
            if (part.path() != null) {
                parts.put(part, async(() -> others.part(part, bearerToken)));
            }
            reads.put(part, async(() -> others.readsOfMe(part, bearerToken)));
        }
        Account account = mongo.findById(caller.accountId(), Account.class);
        if (account == null) {
            throw new NotFoundException("account", caller.accountId());
        }
        List<PartyMember> members = mongo.find(Query.query(Criteria.where("accountId").is(caller.accountId())),
                PartyMember.class);
        List<String> missing = new ArrayList<>();
        Map<String, JsonNode> services = new LinkedHashMap<>();
        parts.forEach((part, answer) -> answer.join().ifPresentOrElse(
                body -> services.put(part.audit(), body), () -> missing.add(part.audit())));
        List<JsonNode> unmaskedReads = new ArrayList<>();
        reads.forEach((part, answer) -> answer.join().ifPresentOrElse(
                found -> found.forEach(read -> unmaskedReads.add(withService(read, part))),
                () -> missing.add("reads-of-me:" + part.audit())));
        unmaskedReads.sort(Comparator.comparing((JsonNode read) -> read.path("at").asString("")).reversed());
        return new PersonalDataDocument(clock.instant(), PersonalDataDocument.AccountPart.of(account, caller.companyId()),
                new PersonalDataDocument.OrgPart(members.stream().map(PersonalDataDocument.MemberRecord::of).toList()),
                services, unmaskedReads,
                corrections.allOf(caller.accountId()).stream().map(CorrectionRequestResponse::of).toList(), missing);
    }

    private <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, calls);
    }

    private static JsonNode withService(JsonNode read, PersonalDataPart part) {
        if (read instanceof ObjectNode object) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            copy.put("service", part.audit());
            copy.setAll(object);
            return copy;
        }
        return read;
    }
}
