package org.linli.platform.protection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * A keyed hash (HMAC-SHA-256, or HMAC-SM3) for lookups and uniqueness on protected values: a plain hash
 * of an 18-digit ID number or an 11-digit phone could be reversed by trying every candidate; without the
 * key it cannot. The same input always gives the same hash, so a unique index or an equality query works
 * on it. Callers hash the canonical form (e.g. {@code IdNumber.value()}, upper-case X). base64url, no padding:
 * hex would be digit runs that a privacy scan takes for phone numbers.
 */
public final class KeyedHash {

    private final FieldKeys keys;

    public KeyedHash(FieldKeys keys) {
        this.keys = keys;
    }

    /** The keyed hash of {@code canonical}; {@code null} stays {@code null}. */
    public String of(String canonical) {
        if (canonical == null) {
            return null;
        }
        try {
            byte[] mac = keys.hashAlgorithm().mac(keys.hashSecret()).doFinal(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute " + keys.hashAlgorithm().hashName(), e);
        }
    }
}
