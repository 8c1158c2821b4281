package org.linli.platform.protection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of a service's protected fields, kept in {@value #FILE_NAME} in the service's data folder
 * (owner-only, never in the database). One key a line, {@code <use> <id> <algorithm> <base64>}:
 * <pre>
 * hash 1 HMAC-SHA256 q3…=
 * enc 1 AES 9f…=
 * enc 2 AES Xw…=
 * </pre>
 * The last {@code enc} line encrypts; every {@code enc} line still decrypts what it once encrypted
 * (each ciphertext names its key id), so a rotation appends a line. The single {@code hash} key serves
 * lookups ({@link KeyedHash}) and is not rotated: a new one would need every lookup column re-hashed.
 *
 * <p>Created at first start. When the configured algorithm differs from the newest key's, a key of the
 * configured algorithm is appended (a rotation), so switching AES to SM4 keeps old values readable.
 * An org-service folder holding the earlier negative-list key ({@value #LEGACY_HASH_KEY_FILE}) keeps it as
 * the hash key, so stored hashes still match.
 */
public final class FieldKeys {

    public static final String FILE_NAME = "field-keys";
    static final String LEGACY_HASH_KEY_FILE = "id-number-key";
    private static final Logger log = LoggerFactory.getLogger(FieldKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** An encryption key with its id. */
    record Key(String id, Algorithm algorithm, byte[] secret) {
        @Override
        public String toString() {
            return "Key[" + id + ", " + algorithm + "]";
        }
    }

    private final List<Key> encryption;
    private final Algorithm hashAlgorithm;
    private final byte[] hashSecret;

    FieldKeys(List<Key> encryption, Algorithm hashAlgorithm, byte[] hashSecret) {
        if (encryption.isEmpty()) {
            throw new IllegalStateException("the field key file holds no 'enc' key");
        }
        this.encryption = List.copyOf(encryption);
        this.hashAlgorithm = hashAlgorithm;
        this.hashSecret = hashSecret.clone();
    }

    /** Reads the key file in {@code dataDir}, creating it (or appending a key of {@code algorithm}) as needed. */
    public static FieldKeys loadOrCreate(Path dataDir, Algorithm algorithm) {
        Path file = dataDir.resolve(FILE_NAME);
        FieldKeys keys;
        if (Files.exists(file)) {
            keys = parse(read(file));
            if (keys.current().algorithm() != algorithm) {
                keys = keys.withNewKey(algorithm);
                write(file, keys.format());
                log.info("linli.protection.algorithm is {}: added field key {} to {}", algorithm, keys.current().id(), file);
            }
        } else {
            Optional<byte[]> legacy = legacyHashKey(dataDir); // an HMAC-SHA-256 key
            keys = new FieldKeys(List.of(new Key("1", algorithm, random(algorithm.keyBytes()))),
                    legacy.isPresent() ? Algorithm.AES : algorithm, legacy.orElseGet(() -> random(32)));
            write(file, keys.format());
            log.info("generated the field keys ({}) in {}", algorithm, file.toAbsolutePath());
        }
        return keys;
    }

    /** These keys plus a new newest encryption key of {@code algorithm}: a rotation. */
    FieldKeys withNewKey(Algorithm algorithm) {
        int next = encryption.stream().mapToInt(key -> Integer.parseInt(key.id())).max().orElse(0) + 1;
        List<Key> rotated = new ArrayList<>(encryption);
        rotated.add(new Key(Integer.toString(next), algorithm, random(algorithm.keyBytes())));
        return new FieldKeys(rotated, hashAlgorithm, hashSecret);
    }

    /** The key that encrypts. */
    Key current() {
        return encryption.get(encryption.size() - 1);
    }

    Optional<Key> byId(String id) {
        return encryption.stream().filter(key -> key.id().equals(id)).findFirst();
    }

    Algorithm hashAlgorithm() {
        return hashAlgorithm;
    }

    byte[] hashSecret() {
        return hashSecret.clone();
    }

    static FieldKeys parse(String text) {
        List<Key> encryption = new ArrayList<>();
        Algorithm hashAlgorithm = null;
        byte[] hashSecret = null;
        for (String line : text.split("\\R")) {
            String[] parts = line.strip().split("\\s+");
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (parts.length != 4) {
                throw new IllegalStateException("a field key line has 4 parts: <use> <id> <algorithm> <base64>");
            }
            byte[] secret = Base64.getDecoder().decode(parts[3]);
            switch (parts[0]) {
                case "enc" -> encryption.add(new Key(parts[1], Algorithm.valueOf(parts[2]), secret));
                case "hash" -> {
                    hashAlgorithm = Algorithm.ofHashName(parts[2]);
                    hashSecret = secret;
                }
                default -> throw new IllegalStateException("unknown field key use " + parts[0]);
            }
        }
        if (hashSecret == null) {
            throw new IllegalStateException("the field key file holds no 'hash' key");
        }
        return new FieldKeys(encryption, hashAlgorithm, hashSecret);
    }

    String format() {
        StringBuilder text = new StringBuilder("""
                # Linli field keys: "<use> <id> <algorithm> <base64>". The last enc line encrypts, every enc line
                # decrypts; rotate by appending a line (./linli keys rotate). Losing this file loses the data.
                """);
        text.append("hash 1 ").append(hashAlgorithm.hashName()).append(' ')
                .append(Base64.getEncoder().encodeToString(hashSecret)).append('\n');
        for (Key key : encryption) {
            text.append("enc ").append(key.id()).append(' ').append(key.algorithm()).append(' ')
                    .append(Base64.getEncoder().encodeToString(key.secret())).append('\n');
        }
        return text.toString();
    }

    private static Optional<byte[]> legacyHashKey(Path dataDir) {
        Path legacy = dataDir.resolve(LEGACY_HASH_KEY_FILE);
        return Files.exists(legacy) ? Optional.of(Base64.getDecoder().decode(read(legacy).strip())) : Optional.empty();
    }

    private static byte[] random(int bytes) {
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        return secret;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Written beside the file and moved over it, owner-only, so a crash never leaves half a key file. */
    static void write(Path file, String content) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile(dir, FILE_NAME, ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, FILE_NAME, ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** For log lines: the key ids, never the keys. */
    @Override
    public String toString() {
        return "FieldKeys" + encryption + " hash " + hashAlgorithm.hashName();
    }
}
