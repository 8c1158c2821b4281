package org.linli.platform.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FieldCipherTest {

    private static final String ID_NUMBER = "11010519491231002X";

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void aSealedValueOpensToItselfAndNeverShowsThePlainText(Algorithm algorithm) {
        FieldCipher cipher = new FieldCipher(FieldKeys.loadOrCreate(dataDir, algorithm));

        String sealed = cipher.seal(ID_NUMBER);

        assertThat(sealed).startsWith("enc:1:").doesNotContain(ID_NUMBER).doesNotContain("1949");
        assertThat(cipher.open(sealed)).isEqualTo(ID_NUMBER);
        assertThat(cipher.seal(ID_NUMBER)).as("a random nonce each time").isNotEqualTo(sealed);
        assertThat(cipher.open(cipher.seal("13800138000".getBytes(StandardCharsets.UTF_8))))
                .asString(StandardCharsets.UTF_8).isEqualTo("13800138000");
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void anAlteredCiphertextIsRefused(Algorithm algorithm) {
        FieldCipher cipher = new FieldCipher(FieldKeys.loadOrCreate(dataDir, algorithm));
        String sealed = cipher.seal("13800138000");
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);

        assertThatThrownBy(() -> cipher.open(altered)).isInstanceOf(ProtectedValueException.class)
                .hasMessageContaining("integrity");
        assertThatThrownBy(() -> cipher.open(sealed.replace("enc:1:", "enc:9:")))
                .isInstanceOf(ProtectedValueException.class).hasMessageContaining("key 9");
    }

    @Test
    void aPlainValueStoredBeforeProtectionIsReadAsItIs() {
        FieldCipher cipher = new FieldCipher(FieldKeys.loadOrCreate(dataDir, Algorithm.AES));

        assertThat(cipher.open("13800138000")).isEqualTo("13800138000");
        assertThat(cipher.isSealed("13800138000")).isFalse();
        assertThat(cipher.open((String) null)).isNull();
    }

    @Test
    void theKeyFileIsOwnerOnlyAndSurvivesARestart() throws Exception {
        String sealed = new FieldCipher(FieldKeys.loadOrCreate(dataDir, Algorithm.AES)).seal(ID_NUMBER);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(FieldKeys.FILE_NAME))))
                .isEqualTo("rw-------");
        assertThat(new FieldCipher(FieldKeys.loadOrCreate(dataDir, Algorithm.AES)).open(sealed)).isEqualTo(ID_NUMBER);
    }

    @Test
    void aRotationEncryptsWithTheNewKeyAndStillOpensTheOldValues() {
        FieldKeys keys = FieldKeys.loadOrCreate(dataDir, Algorithm.AES);
        String old = new FieldCipher(keys).seal(ID_NUMBER);
        FieldKeys.write(dataDir.resolve(FieldKeys.FILE_NAME), keys.withNewKey(Algorithm.AES).format());

        FieldCipher rotated = new FieldCipher(FieldKeys.loadOrCreate(dataDir, Algorithm.AES));

        assertThat(rotated.currentKeyId()).isEqualTo("2");
        assertThat(rotated.seal(ID_NUMBER)).startsWith("enc:2:");
        assertThat(rotated.open(old)).isEqualTo(ID_NUMBER);
        assertThat(rotated.isCurrent(old)).isFalse();
    }

    @Test
    void switchingToSm4AddsAnSm4KeyAndKeepsAesValuesReadable() {
        String aes = new FieldCipher(FieldKeys.loadOrCreate(dataDir, Algorithm.AES)).seal(ID_NUMBER);

        FieldKeys keys = FieldKeys.loadOrCreate(dataDir, Algorithm.SM4);

        assertThat(keys.current().algorithm()).isEqualTo(Algorithm.SM4);
        assertThat(new FieldCipher(keys).open(aes)).isEqualTo(ID_NUMBER);
        assertThat(FieldKeys.loadOrCreate(dataDir, Algorithm.SM4).current().id()).as("added once").isEqualTo("2");
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void theKeyedHashIsStableAcrossRestartsAndDependsOnTheKey(Algorithm algorithm, @TempDir Path otherDir) {
        String hash = new KeyedHash(FieldKeys.loadOrCreate(dataDir, algorithm)).of(ID_NUMBER);

        assertThat(new KeyedHash(FieldKeys.loadOrCreate(dataDir, algorithm)).of(ID_NUMBER)).isEqualTo(hash);
        assertThat(new KeyedHash(FieldKeys.loadOrCreate(otherDir, algorithm)).of(ID_NUMBER)).isNotEqualTo(hash);
        assertThat(hash).hasSize(43).doesNotContainPattern("\\d{11}");
    }

    @Test
    void anEarlierNegativeListKeyBecomesTheHashKey() throws Exception {
        byte[] legacy = new byte[32];
        legacy[0] = 7;
        Files.writeString(dataDir.resolve(FieldKeys.LEGACY_HASH_KEY_FILE), java.util.Base64.getEncoder().encodeToString(legacy));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(legacy, "HmacSHA256"));
        byte[] expected = mac.doFinal(ID_NUMBER.getBytes(StandardCharsets.US_ASCII));

        String hash = new KeyedHash(FieldKeys.loadOrCreate(dataDir, Algorithm.SM4)).of(ID_NUMBER);

        assertThat(java.util.Base64.getUrlDecoder().decode(hash)).isEqualTo(expected);
    }
}
