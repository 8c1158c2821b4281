package org.linli.issue.issue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoAndQrTest {

    @Test
    void photosAreRecognisedByTheirFirstBytesNotTheirName() {
        assertThat(PhotoStore.contentType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0}))
                .isEqualTo("image/jpeg");
        assertThat(PhotoStore.contentType(org.linli.issue.Seeds.png())).isEqualTo("image/png");
        assertThat(PhotoStore.contentType("RIFF\0\0\0\0WEBPVP8 ".getBytes())).isEqualTo("image/webp");
        assertThat(PhotoStore.contentType("GIF89a......".getBytes())).isNull();
        assertThat(PhotoStore.contentType("<svg onload=x>".getBytes())).isNull();
        assertThat(PhotoStore.contentType(new byte[0])).isNull();
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

    @Test
    void distancesAreGreatCircleMetres() {
        assertThat(IssueService.metresBetween(36.2, 113.4, 36.2, 113.4)).isZero();
        assertThat(IssueService.metresBetween(36.2, 113.4, 36.2009, 113.4)).isBetween(99.0, 101.0);
    }
}
