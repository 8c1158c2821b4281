package org.linli.platform.protection;

import java.security.GeneralSecurityException;
import java.security.Provider;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The algorithm family of {@code linli.protection.algorithm}: AES-256-GCM with HMAC-SHA-256 (the default,
 * in every JDK), or SM4-GCM with HMAC-SM3 (国密, from Bouncy Castle, which is used as a provider
 * object and never registered JVM-wide).
 */
public enum Algorithm {

    AES("AES", "AES/GCM/NoPadding", 32, "HMAC-SHA256", "HmacSHA256"),
    SM4("SM4", "SM4/GCM/NoPadding", 16, "HMAC-SM3", "HMACSM3");

    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private final String keyAlgorithm;
    private final String transformation;
    private final int keyBytes;
    private final String hashName;
    private final String macAlgorithm;

    Algorithm(String keyAlgorithm, String transformation, int keyBytes, String hashName, String macAlgorithm) {
        this.keyAlgorithm = keyAlgorithm;
        this.transformation = transformation;
        this.keyBytes = keyBytes;
        this.hashName = hashName;
        this.macAlgorithm = macAlgorithm;
    }

    /** Bytes of a new encryption key (AES-256: 32, SM4: 16). */
    int keyBytes() {
        return keyBytes;
    }

    /** The keyed hash's name in the key file: {@code HMAC-SHA256} or {@code HMAC-SM3}. */
    String hashName() {
        return hashName;
    }

    static Algorithm ofHashName(String name) {
        for (Algorithm algorithm : values()) {
            if (algorithm.hashName.equals(name)) {
                return algorithm;
            }
        }
        throw new IllegalStateException("unknown keyed hash " + name + " in the field key file");
    }

    Cipher cipher() throws GeneralSecurityException {
        return this == AES ? Cipher.getInstance(transformation) : Cipher.getInstance(transformation, BOUNCY_CASTLE);
    }

    SecretKeySpec cipherKey(byte[] secret) {
        return new SecretKeySpec(secret, keyAlgorithm);
    }

    Mac mac(byte[] secret) throws GeneralSecurityException {
        Mac mac = this == AES ? Mac.getInstance(macAlgorithm) : Mac.getInstance(macAlgorithm, BOUNCY_CASTLE);
        mac.init(new SecretKeySpec(secret, macAlgorithm));
        return mac;
    }
}
