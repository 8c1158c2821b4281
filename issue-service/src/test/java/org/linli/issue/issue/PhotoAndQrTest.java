package org.linli.issue.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.linli.platform.web.files.FileType;
import org.junit.jupiter.api.io.TempDir;

class PhotoAndQrTest {

    @Test
    void photosAreRecognisedByTheirFirstBytesNotTheirName() {
        assertThat(FileType.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0}, FileType.IMAGES))
                .isEqualTo("image/jpeg");
        assertThat(FileType.of(org.linli.issue.Seeds.png(), FileType.IMAGES)).isEqualTo("image/png");
        assertThat(FileType.of("RIFF\0\0\0\0WEBPVP8 ".getBytes(), FileType.IMAGES)).isEqualTo("image/webp");
        assertThat(FileType.of("GIF89a......".getBytes(), FileType.IMAGES)).isNull();
        assertThat(FileType.of("<svg onload=x>".getBytes(), FileType.IMAGES)).isNull();
        assertThat(FileType.of(new byte[0], FileType.IMAGES)).isNull();
    }

    @Test
    void aQrTokenNamesItsBuildingAndCannotBeForgedOrMoved(@TempDir Path dataDir) throws Exception {
        QrCodes codes = new QrCodes("", dataDir);
        String token = codes.tokenFor("building-1");

        assertThat(codes.verify(token)).contains("building-1");
        assertThat(codes.verify(token.replace("building-1", "building-2"))).isEmpty();
        assertThat(codes.verify("building-1.AAAA")).isEmpty();
        assertThat(codes.verify("nodot")).isEmpty();
        assertThat(codes.verify(null)).isEmpty();
        assertThat(Files.exists(dataDir.resolve("qr-key"))).isTrue();
        assertThat(new QrCodes("", dataDir).verify(token)).as("the key survives a restart").contains("building-1");
    }
}
