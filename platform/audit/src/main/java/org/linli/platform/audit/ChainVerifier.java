package org.linli.platform.audit;

import java.util.Iterator;
import org.bson.Document;

/**
 * Checks one service's stored chain from its oldest kept record to the head and names the first break:
 * a record whose fields no longer give its hash (altered), one whose previous hash is not its predecessor's
 * (replaced, reordered, or inserted), a missing sequence number (deleted), a record that cannot be read, or a
 * head that does not match the last record. Records the retention purge removed are accounted for by its mark
 * ({@code audit_chain/purged}: the last purged sequence and hash), so the first kept record is checked too.
 * No Spring: the ops command ({@link VerifyCommand}) runs it on the store directly.
 */
public final class ChainVerifier {

    private ChainVerifier() {
    }

    /** The outcome: how many records were found intact before the first break, and that break or {@code null}. */
    public record Verification(long checkedRecords, Break firstBreak) {

        public boolean intact() {
            return firstBreak == null;
        }
    }

    /** The first broken record's sequence and what is wrong with it. */
    public record Break(long sequence, String reason) {
    }

    /**
     * @param ascending the stored records in ascending {@code _id}
     * @param head      {@code audit_chain/head} ({@code sequence}, {@code hash}), {@code null} before the first record
     * @param purged    {@code audit_chain/purged} ({@code sequence}, {@code hash}), {@code null} before any purge
     */
    public static Verification verify(Iterator<Document> ascending, Document head, Document purged) {
        long expected = purged == null ? 1 : longOf(purged, "sequence") + 1;
        String previous = purged == null ? AuditRecord.GENESIS : purged.getString("hash");
        long checked = 0;
        while (ascending.hasNext()) {
            Document document = ascending.next();
            Object id = document.get("_id");
            if (!(id instanceof Number number)) {
                return new Verification(checked, new Break(expected, "a record with a foreign _id " + id
                        + " was inserted"));
            }
            long sequence = number.longValue();
            if (sequence < expected) {
                continue; // purged up to here: a purge that stopped before deleting it
            }
            if (sequence != expected) {
                return new Verification(checked, new Break(expected, "record " + expected + " is missing (deleted)"));
            }
            AuditRecord record;
            try {
                record = AuditRecord.fromDocument(document);
            } catch (IllegalArgumentException e) {
                return new Verification(checked, new Break(sequence, "unreadable: " + e.getMessage()));
            }
            if (!record.computedHash().equals(record.hash())) {
                return new Verification(checked, new Break(sequence,
                        "altered: its fields no longer give its hash"));
            }
            if (!previous.equals(record.previousHash())) {
                return new Verification(checked, new Break(sequence, checked == 0 && purged != null
                        ? "its previous hash is not the last purged record's hash (replaced or reordered)"
                        : "its previous hash is not record " + (sequence - 1) + "'s hash (replaced or reordered)"));
            }
            checked++;
            previous = record.hash();
            expected++;
        }
        return new Verification(checked, headBreak(head, expected - 1, previous));
    }

    /** The head names the last record, or the one before it when a writer stopped before advancing it. */
    private static Break headBreak(Document head, long last, String lastHash) {
        if (head == null) {
            return last == 0 ? null : new Break(last, "the chain has records but no head");
        }
        long headSequence = longOf(head, "sequence");
        if (headSequence > last) {
            return new Break(last + 1, "record " + (last + 1) + " is missing (deleted): the head names "
                    + headSequence);
        }
        if (headSequence == last && !lastHash.equals(head.getString("hash"))) {
            return new Break(last, "altered: its hash is not the one the head recorded");
        }
        if (headSequence < last - 1) {
            return new Break(headSequence + 2, "written beyond the head");
        }
        return null;
    }

    private static long longOf(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Number number ? number.longValue() : 0;
    }
}
