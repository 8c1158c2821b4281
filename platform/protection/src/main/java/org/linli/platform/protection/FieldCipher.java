package org.linli.platform.protection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts single field values with the newest key of {@link FieldKeys} (AES-256-GCM or SM4-GCM, a random
 * 96-bit nonce each time, 128-bit tag). A sealed text reads {@code enc:<key id>:<base64url(nonce | ciphertext)>};
 * the key id is also authenticated, so a value cannot be relabelled to another key. {@link #open} reads
 * any key's values and passes a text without the prefix through unchanged (a value stored before
 * protection existed; the startup pass re-encrypts those).
 */
public final class FieldCipher {

    public static final String PREFIX = "enc:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FieldKeys keys;

    public FieldCipher(FieldKeys keys) {
        this.keys = keys;
    }

    /** The sealed form of {@code plain}; {@code null} stays {@code null}. */
    public String seal(String plain) {
        if (plain == null) {
            return null;
        }
        FieldKeys.Key key = keys.current();
        byte[] sealed = encrypt(key, plain.getBytes(StandardCharsets.UTF_8));
        return PREFIX + key.id() + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /** The plain value of a sealed text (any key), or the text itself when it was never sealed. */
    public String open(String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new ProtectedValueException("a sealed value names no key");
        }
        String keyId = stored.substring(PREFIX.length(), colon);
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new ProtectedValueException("a sealed value is not base64");
        }
        return new String(decrypt(key(keyId), sealed), StandardCharsets.UTF_8);
    }

    /** Whether {@code stored} is a sealed text (of any key). */
    public boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Whether {@code stored} is sealed with the newest key, so a re-encryption would change nothing. */
    public boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(PREFIX + keys.current().id() + ":");
    }

    /** The id of the key that encrypts now. */
    public String currentKeyId() {
        return keys.current().id();
    }

    /** Bytes sealed the same way: {@code enc:<key id>:} then nonce and ciphertext. */
    public byte[] seal(byte[] plain) {
        FieldKeys.Key key = keys.current();
        byte[] header = (PREFIX + key.id() + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = encrypt(key, plain);
        byte[] out = Arrays.copyOf(header, header.length + sealed.length);
        System.arraycopy(sealed, 0, out, header.length, sealed.length);
        return out;
    }

    /** The plain bytes of {@link #seal(byte[])}'s output. */
    public byte[] open(byte[] stored) {
        String head = new String(stored, 0, Math.min(stored.length, 32), StandardCharsets.ISO_8859_1);
        int colon = head.startsWith(PREFIX) ? head.indexOf(':', PREFIX.length()) : -1;
        if (colon < 0) {
            throw new ProtectedValueException("not sealed bytes");
        }
        return decrypt(key(head.substring(PREFIX.length(), colon)), Arrays.copyOfRange(stored, colon + 1, stored.length));
    }

    private FieldKeys.Key key(String id) {
        return keys.byId(id).orElseThrow(() -> new ProtectedValueException(
                "a value is sealed with field key " + id + ", which the key file does not hold"));
    }

    private static byte[] encrypt(FieldKeys.Key key, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = key.algorithm().cipher();
            cipher.init(Cipher.ENCRYPT_MODE, key.algorithm().cipherKey(key.secret()), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(key));
            byte[] encrypted = cipher.doFinal(plain);
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + encrypted.length);
            System.arraycopy(encrypted, 0, out, NONCE_BYTES, encrypted.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt with " + key, e);
        }
    }

    private static byte[] decrypt(FieldKeys.Key key, byte[] sealed) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new ProtectedValueException("a sealed value is too short");
        }
        try {
            Cipher cipher = key.algorithm().cipher();
            cipher.init(Cipher.DECRYPT_MODE, key.algorithm().cipherKey(key.secret()),
                    new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(key));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new ProtectedValueException("a sealed value failed its integrity check (altered, or another key)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt with " + key, e);
        }
    }

    private static byte[] associatedData(FieldKeys.Key key) {
        return (PREFIX + key.id()).getBytes(StandardCharsets.US_ASCII);
    }
}
