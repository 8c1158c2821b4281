package org.linli.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;

/**
 * One entry of a service's audit trail: who (the actor from the token, or the attempted sign-in), what (the
 * operation as the route pattern, the actual path, the resource id), when, from where, the outcome, and for
 * reads of unmasked personal data whose data it was. Never a request or response body, never a phone or ID
 * number. {@code hash} is SHA-256 over {@link #canonical()}, which includes {@code previousHash}: each record
 * seals the one before it, so altering, removing or reordering stored records breaks the chain
 * ({@link ChainVerifier}).
 *
 * @param sequence      position in this service's chain, from 1; the document's {@code _id}
 * @param service       the service's short name ({@code org}, {@code grid}, …)
 * @param at            when it was recorded, to the millisecond (what the store keeps)
 * @param kind          what happened
 * @param actor         who acted, {@code null} without a valid token (a refused call, a sign-in)
 * @param operation     method and matched route pattern ({@code POST /api/v1/issues/{id}/assignments}), or the
 *                      path where no route matched
 * @param path          the path called
 * @param resourceId    the path variable {@code id}, or the id a 201's {@code Location} names
 * @param status        the HTTP status answered
 * @param outcome       the status read as succeeded, refused (4xx) or failed (5xx)
 * @param clientAddress the first {@code X-Forwarded-For} entry (the gateway's), else the peer address
 * @param requestId     the {@code X-Request-Id} a user can quote
 * @param signIn        for the token endpoint: grant type and attempted username, never the secret
 * @param subjects      whose unmasked personal data the answer carried
 * @param previousHash  the hash of record {@code sequence - 1} ({@link #GENESIS} for the first)
 * @param hash          SHA-256 of {@link #canonical()}, hex
 */
public record AuditRecord(long sequence, String service, Instant at, Kind kind, Actor actor, String operation,
                          String path, String resourceId, int status, Outcome outcome, String clientAddress,
                          String requestId, SignIn signIn, List<Subject> subjects, String previousHash, String hash) {

    /** The previous hash of a chain's first record. */
    public static final String GENESIS = "0".repeat(64);

    public AuditRecord {
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
    }

    /** What a record stands for; {@code AUDIT_READ}: an auditor's query, export or verification of the trail. */
    public enum Kind { WRITE, SIGN_IN, UNMASKED_READ, AUDIT_READ }

    /** How the call ended. */
    public enum Outcome {
        SUCCEEDED, REFUSED, FAILED;

        static Outcome of(int status) {
            return status >= 500 ? FAILED : status >= 400 ? REFUSED : SUCCEEDED;
        }
    }

    /** Who acted, as the token says: account, login name, roles and org-unit scope ({@code null} path: county-wide). */
    public record Actor(String accountId, String username, List<String> roles, String orgUnitId, String orgUnitPath) {
        public Actor {
            roles = roles == null ? List.of() : roles.stream().sorted().toList();
        }
    }

    /** A sign-in attempt: the grant type and the username or client id tried. */
    public record SignIn(String grantType, String username) {
    }

    /**
     * Whose unmasked personal data an answer carried.
     *
     * @param accountId    the person's Linli account, {@code null} when unknown
     * @param resourceType e.g. {@code party-member}
     * @param resourceId   the resource's id
     * @param fields       the fields shown unmasked ({@code idNumber}, {@code phone}), never their values
     */
    public record Subject(String accountId, String resourceType, String resourceId, List<String> fields) {
        public Subject {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    /** This record sealed at {@code sequence} after a record whose hash is {@code previousHash}. */
    AuditRecord seal(long sequence, String previousHash) {
        AuditRecord unsealed = new AuditRecord(sequence, service, at, kind, actor, operation, path, resourceId, status,
                outcome, clientAddress, requestId, signIn, subjects, previousHash, null);
        return new AuditRecord(sequence, service, at, kind, actor, operation, path, resourceId, status, outcome,
                clientAddress, requestId, signIn, subjects, previousHash, sha256(unsealed.canonical()));
    }

    /** The hash this record's fields and previous hash give; equals {@link #hash} unless something was altered. */
    public String computedHash() {
        return sha256(canonical());
    }

    /**
     * Every field but the hash, one per line as {@code name:length:value} ({@code name:-} for none), lists
     * element by element: unambiguous whatever the values contain.
     */
    String canonical() {
        StringBuilder out = new StringBuilder(512);
        field(out, "sequence", Long.toString(sequence));
        field(out, "service", service);
        field(out, "at", at == null ? null : at.toString());
        field(out, "kind", kind == null ? null : kind.name());
        if (actor != null) {
            field(out, "actor.accountId", actor.accountId());
            field(out, "actor.username", actor.username());
            field(out, "actor.roles", Integer.toString(actor.roles().size()));
            actor.roles().forEach(role -> field(out, "actor.role", role));
            field(out, "actor.orgUnitId", actor.orgUnitId());
            field(out, "actor.orgUnitPath", actor.orgUnitPath());
        } else {
            field(out, "actor", null);
        }
        field(out, "operation", operation);
        field(out, "path", path);
        field(out, "resourceId", resourceId);
        field(out, "status", Integer.toString(status));
        field(out, "outcome", outcome == null ? null : outcome.name());
        field(out, "clientAddress", clientAddress);
        field(out, "requestId", requestId);
        if (signIn != null) {
            field(out, "signIn.grantType", signIn.grantType());
            field(out, "signIn.username", signIn.username());
        } else {
            field(out, "signIn", null);
        }
        field(out, "subjects", Integer.toString(subjects.size()));
        for (Subject subject : subjects) {
            field(out, "subject.accountId", subject.accountId());
            field(out, "subject.resourceType", subject.resourceType());
            field(out, "subject.resourceId", subject.resourceId());
            field(out, "subject.fields", Integer.toString(subject.fields().size()));
            subject.fields().forEach(name -> field(out, "subject.field", name));
        }
        field(out, "previousHash", previousHash);
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append(':');
        if (value == null) {
            out.append('-');
        } else {
            out.append(value.length()).append(':').append(value);
        }
        out.append('\n');
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** The stored form: {@code _id} is the sequence, absent values are left out. */
    Document toDocument() {
        Document document = new Document("_id", sequence);
        put(document, "service", service);
        put(document, "at", at == null ? null : Date.from(at));
        put(document, "kind", kind == null ? null : kind.name());
        if (actor != null) {
            Document who = new Document();
            put(who, "accountId", actor.accountId());
            put(who, "username", actor.username());
            who.put("roles", actor.roles());
            put(who, "orgUnitId", actor.orgUnitId());
            put(who, "orgUnitPath", actor.orgUnitPath());
            document.put("actor", who);
        }
        put(document, "operation", operation);
        put(document, "path", path);
        put(document, "resourceId", resourceId);
        document.put("status", status);
        put(document, "outcome", outcome == null ? null : outcome.name());
        put(document, "clientAddress", clientAddress);
        put(document, "requestId", requestId);
        if (signIn != null) {
            Document attempt = new Document();
            put(attempt, "grantType", signIn.grantType());
            put(attempt, "username", signIn.username());
            document.put("signIn", attempt);
        }
        if (!subjects.isEmpty()) {
            List<Document> whose = new ArrayList<>();
            for (Subject subject : subjects) {
                Document one = new Document();
                put(one, "accountId", subject.accountId());
                put(one, "resourceType", subject.resourceType());
                put(one, "resourceId", subject.resourceId());
                one.put("fields", subject.fields());
                whose.add(one);
            }
            document.put("subjects", whose);
        }
        document.put("previousHash", previousHash);
        document.put("hash", hash);
        return document;
    }

    /** Reads a stored record back; a field of the wrong type throws {@link IllegalArgumentException}. */
    static AuditRecord fromDocument(Document document) {
        try {
            Document who = document.get("actor", Document.class);
            Document attempt = document.get("signIn", Document.class);
            List<Subject> subjects = new ArrayList<>();
            List<?> stored = document.get("subjects", List.class);
            if (stored != null) {
                for (Object element : stored) {
                    Document one = (Document) element;
                    subjects.add(new Subject(one.getString("accountId"), one.getString("resourceType"),
                            one.getString("resourceId"), strings(one.get("fields"))));
                }
            }
            Date at = document.getDate("at");
            String kind = document.getString("kind");
            String outcome = document.getString("outcome");
            Number status = document.get("status", Number.class);
            return new AuditRecord(((Number) document.get("_id")).longValue(), document.getString("service"),
                    at == null ? null : at.toInstant(), kind == null ? null : Kind.valueOf(kind),
                    who == null ? null : new Actor(who.getString("accountId"), who.getString("username"),
                            strings(who.get("roles")), who.getString("orgUnitId"), who.getString("orgUnitPath")),
                    document.getString("operation"), document.getString("path"), document.getString("resourceId"),
                    status == null ? 0 : status.intValue(), outcome == null ? null : Outcome.valueOf(outcome),
                    document.getString("clientAddress"), document.getString("requestId"),
                    attempt == null ? null : new SignIn(attempt.getString("grantType"), attempt.getString("username")),
                    subjects, document.getString("previousHash"), document.getString("hash"));
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a readable audit record: " + e.getMessage(), e);
        }
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        for (Object element : (List<?>) value) {
            strings.add((String) element);
        }
        return strings;
    }

    private static void put(Document document, String key, Object value) {
        if (value != null) {
            document.put(key, value);
        }
    }
}
