package org.linli.platform.web.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FileTypeTest {

    private static final byte[] PDF = "%PDF-1.7\n".getBytes();

    @Test
    void aPdfIsAcceptedOnlyWhereTheStoreTakesPdfs() {
        assertThat(FileType.of(PDF, Set.of(FileType.JPEG, FileType.PDF))).isEqualTo("application/pdf");
        assertThat(FileType.of(PDF, FileType.IMAGES)).isNull();
    }

    @Test
    void aDeclaredTypeOrAPrefixTooShortIsNotEnough() {
        assertThat(FileType.of("%PDF-".getBytes(), Set.of(FileType.PDF))).as("nothing after the magic").isNull();
        assertThat(FileType.of("<svg onload=x>".getBytes(), Set.of(FileType.values()))).isNull();
        assertThat(FileType.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}, FileType.IMAGES))
                .isEqualTo("image/jpeg");
    }
}
