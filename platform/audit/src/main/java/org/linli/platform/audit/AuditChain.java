package org.linli.platform.audit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;

/**
 * One service's audit trail in its own database: records in {@code audit_records} ({@code _id} = sequence),
 * the chain's head ({@code audit_chain/head}: last sequence and hash) and the retention purge's mark
 * ({@code audit_chain/purged}).
 *
 * <p>Appending is safe with several instances on one store and after a crash, using only {@code _id}
 * lookups: a writer inserts record {@code head + 1} sealed with the head's hash, then moves the head by
 * compare-and-set on its sequence. A duplicate key means another writer took that sequence (or crashed before
 * moving the head): the writer moves the head to the stored record and tries again. A lost compare-and-set
 * means another writer already moved the head past the new record, which is then in the chain. Within one
 * instance appends are serialised and the head is cached; requests that arrive while one batch is being stored
 * form the next batch (group commit), which costs one journaled insert of all its records and one head update
 * (unjournaled: a lost head update is repaired like a crash). Every request still returns only once its own
 * record is stored.
 */
public class AuditChain {

    static final String RECORDS = "audit_records";
    static final String CHAIN = "audit_chain";
    static final String HEAD = "head";
    static final String PURGED = "purged";
    static final String SUBJECT_ACCOUNT = "subjects.accountId";
    private static final int MAX_ATTEMPTS = 1000;
    /** The most records one group commit stores. */
    private static final int MAX_BATCH = 256;

    private final MongoCollection<Document> records;
    private final MongoCollection<Document> chain;
    private final ReentrantLock appending = new ReentrantLock();
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private Head cached;

    public AuditChain(MongoDatabase database) {
        this.records = database.getCollection(RECORDS).withWriteConcern(WriteConcern.ACKNOWLEDGED);
        this.chain = database.getCollection(CHAIN).withWriteConcern(WriteConcern.W1.withJournal(false));
    }

    private record Head(long sequence, String hash) {
    }

    /**
     * The one index beside {@code _id}: a resident's "who read my data" ({@code reads-of-me}) looks records up by
     * subject, and the trail grows with every write (a county-year is hundreds of thousands of records). Most
     * records name no subject, so it costs an append next to nothing. Auditors' filtered queries read the trail.
     */
    public AuditChain declareIndexes() {
        records.createIndex(Indexes.ascending(SUBJECT_ACCOUNT));
        return this;
    }

    /**
     * Seals {@code entry} at the end of the chain and stores it before returning. Requests arriving while another
     * append is being stored wait together and are then stored as one batch (group commit: one insert of many
     * records, one head update), so the chain's order costs one store commit per batch, not per request.
     */
    public AuditRecord append(AuditRecord entry) {
        Waiting mine = new Waiting(entry, new CompletableFuture<>());
        waiting.add(mine);
        appending.lock(); // a lock, not synchronized: a virtual thread waiting on the store stays unpinned on 17..23
        try {
            while (!mine.stored().isDone()) {
                appendWaiting();
            }
        } finally {
            appending.unlock();
        }
        try {
            return mine.stored().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private record Waiting(AuditRecord entry, CompletableFuture<AuditRecord> stored) {
    }

    private void appendWaiting() {
        List<Waiting> batch = new ArrayList<>();
        for (Waiting next; batch.size() < MAX_BATCH && (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        try {
            List<AuditRecord> stored = appendLocked(batch.stream().map(Waiting::entry).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).stored().complete(stored.get(i));
            }
        } catch (RuntimeException e) {
            batch.forEach(waiter -> waiter.stored().completeExceptionally(e));
        }
    }

    private List<AuditRecord> appendLocked(List<AuditRecord> entries) {
        List<AuditRecord> stored = new ArrayList<>(entries.size());
        for (int attempt = 0; attempt < MAX_ATTEMPTS && stored.size() < entries.size(); attempt++) {
            Head head = cached != null ? cached : loadHead();
            List<AuditRecord> sealed = seal(entries.subList(stored.size(), entries.size()), head);
            int inserted = insert(sealed);
            if (inserted > 0) {
                AuditRecord last = sealed.get(inserted - 1);
                boolean moved = chain.updateOne(Filters.and(Filters.eq("_id", HEAD),
                                Filters.eq("sequence", head.sequence())),
                        Updates.combine(Updates.set("sequence", last.sequence()), Updates.set("hash", last.hash())))
                        .getModifiedCount() == 1;
                cached = moved ? new Head(last.sequence(), last.hash()) : null;
                stored.addAll(sealed.subList(0, inserted));
            }
            if (inserted < sealed.size()) {
                cached = null;
                catchUp(inserted > 0 ? new Head(sealed.get(inserted - 1).sequence(), sealed.get(inserted - 1).hash())
                        : head);
            }
        }
        if (stored.size() < entries.size()) {
            throw new IllegalStateException("could not append to the audit trail after " + MAX_ATTEMPTS + " attempts");
        }
        return stored;
    }

    /** The entries chained after {@code head}, each sealed with the hash of the one before. */
    private static List<AuditRecord> seal(List<AuditRecord> entries, Head head) {
        List<AuditRecord> sealed = new ArrayList<>(entries.size());
        long sequence = head.sequence();
        String previous = head.hash();
        for (AuditRecord entry : entries) {
            AuditRecord record = entry.seal(++sequence, previous);
            sealed.add(record);
            previous = record.hash();
        }
        return sealed;
    }

    /**
     * Inserts the records in order, answering how many went in: all, or those before the first taken sequence
     * (another writer took it, or crashed before moving the head).
     */
    private int insert(List<AuditRecord> sealed) {
        try {
            if (sealed.size() == 1) {
                records.insertOne(sealed.get(0).toDocument());
            } else {
                records.insertMany(sealed.stream().map(AuditRecord::toDocument).toList(),
                        new InsertManyOptions().ordered(true));
            }
            return sealed.size();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return 0;
        } catch (MongoBulkWriteException e) {
            BulkWriteError first = e.getWriteErrors().get(0);
            if (ErrorCategory.fromErrorCode(first.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return first.getIndex();
        }
    }

    /** Record {@code head + 1} exists: a writer crashed, or lost the race, before moving the head. Move it. */
    private void catchUp(Head head) {
        Document next = records.find(Filters.eq("_id", head.sequence() + 1)).first();
        if (next != null) {
            chain.updateOne(Filters.and(Filters.eq("_id", HEAD), Filters.eq("sequence", head.sequence())),
                    Updates.combine(Updates.set("sequence", head.sequence() + 1),
                            Updates.set("hash", next.getString("hash"))));
        }
    }

    private Head loadHead() {
        Document head = chain.find(Filters.eq("_id", HEAD)).first();
        if (head == null) {
            // a new trail, or a lost head document: start after the last stored record (one scan, once)
            Document last = records.find().sort(Sorts.descending("_id")).limit(1).first();
            long sequence = last == null ? 0L : ((Number) last.get("_id")).longValue();
            String hash = last == null ? AuditRecord.GENESIS : last.getString("hash");
            try {
                chain.insertOne(new Document("_id", HEAD).append("sequence", sequence).append("hash", hash));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            head = chain.find(Filters.eq("_id", HEAD)).first();
        }
        return new Head(((Number) head.get("sequence")).longValue(), head.getString("hash"));
    }

    /** Checks the whole stored chain (a scan in sequence order). */
    public ChainVerifier.Verification verify() {
        try (MongoCursor<Document> ascending = records.find().sort(Sorts.ascending("_id")).iterator()) {
            return ChainVerifier.verify(ascending, chain.find(Filters.eq("_id", HEAD)).first(),
                    chain.find(Filters.eq("_id", PURGED)).first());
        }
    }

    /**
     * Removes records recorded before {@code cutoff} from the start of the chain only, oldest first, never the
     * head's record; each removal first moves the purge mark to it by compare-and-set (a replica purging at the
     * same time stops instead of moving it back), so verification starts right after it.
     * {@code _id} lookups only. Answers how many were removed.
     */
    public long purgeBefore(Instant cutoff, int limit) {
        Document mark = chain.find(Filters.eq("_id", PURGED)).first();
        long through = mark == null ? 0 : ((Number) mark.get("sequence")).longValue();
        long headSequence = loadHead().sequence();
        long removed = 0;
        while (removed < limit && through + 1 < headSequence) {
            Document oldest = records.find(Filters.eq("_id", through + 1)).first();
            if (oldest == null || !(oldest.get("at") instanceof Date at) || !at.toInstant().isBefore(cutoff)
                    || !moveMark(mark == null && removed == 0, through, oldest.getString("hash"))) {
                break; // newer, or another replica's purge moved the mark first: it carries on
            }
            records.deleteOne(Filters.eq("_id", through + 1));
            through++;
            removed++;
        }
        return removed;
    }

    /** Moves the purge mark from {@code through} to the next record, by compare-and-set (journaled). */
    private boolean moveMark(boolean first, long through, String hash) {
        MongoCollection<Document> marks = chain.withWriteConcern(WriteConcern.ACKNOWLEDGED);
        if (first) {
            try {
                marks.insertOne(new Document("_id", PURGED).append("sequence", through + 1).append("hash", hash));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        return marks.updateOne(Filters.and(Filters.eq("_id", PURGED), Filters.eq("sequence", through)),
                Updates.combine(Updates.set("sequence", through + 1), Updates.set("hash", hash)))
                .getModifiedCount() == 1;
    }

    MongoCollection<Document> records() {
        return records;
    }
}
