package org.linli.org.committee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person barred from standing for an owners' committee (候选人负面清单), found by joint review
 * (联审). Kept with the hash of the ID number, never the number.
 */
@Document("committee_negative_list")
class NegativeListEntry {

    @Id
    private String id;
    private String name;
    @Indexed(unique = true)
    private String idNumberHash;
    private String reason;
    private LocalDate listedOn;
    private String listedBy;
    private Instant createdAt;

    protected NegativeListEntry() {
        // for the mapping layer
    }

    NegativeListEntry(String name, String idNumberHash, String reason, LocalDate listedOn, String listedBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.name = name.strip();
        this.idNumberHash = idNumberHash;
        this.reason = reason.strip();
        this.listedOn = listedOn;
        this.listedBy = listedBy;
        this.createdAt = now;
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    String idNumberHash() {
        return idNumberHash;
    }

    String reason() {
        return reason;
    }

    LocalDate listedOn() {
        return listedOn;
    }
}
