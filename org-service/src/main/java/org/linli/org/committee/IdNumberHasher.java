package org.linli.org.committee;

import org.linli.org.member.IdNumber;
import org.linli.platform.protection.KeyedHash;
import org.springframework.stereotype.Component;

/**
 * Negative-list entries keep resident ID numbers only as keyed hashes (the platform's {@link KeyedHash},
 * HMAC-SHA-256 or HMAC-SM3, key in the data folder's {@code field-keys}): a plain hash of an 18-digit
 * number with a known region code and birth date could be reversed by trying candidates. The number is
 * validated (check character included) and put in canonical form first, the same form party members'
 * {@code idNumberHash} is computed from.
 */
@Component
class IdNumberHasher {

    private final KeyedHash keyedHash;

    IdNumberHasher(KeyedHash keyedHash) {
        this.keyedHash = keyedHash;
    }

    /** The keyed hash of a valid ID number; 422 {@code invalid-id-number} for anything else. */
    String hash(String idNumber) {
        return keyedHash.of(new IdNumber(idNumber).value());
    }
}
