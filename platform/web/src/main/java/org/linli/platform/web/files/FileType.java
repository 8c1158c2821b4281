package org.linli.platform.web.files;

import java.util.Arrays;
import java.util.Set;

/** The file types Linli accepts in uploads, recognised by their first bytes, never by the declared type. */
public enum FileType {
    JPEG("image/jpeg", "JPEG"),
    PNG("image/png", "PNG"),
    WEBP("image/webp", "WebP"),
    PDF("application/pdf", "PDF");

    /** Photos: what a phone's camera or gallery gives. */
    public static final Set<FileType> IMAGES = Set.of(JPEG, PNG, WEBP);

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    private final String contentType;
    private final String label;

    FileType(String contentType, String label) {
        this.contentType = contentType;
        this.label = label;
    }

    public String contentType() {
        return contentType;
    }

    String label() {
        return label;
    }

    /** The content type of {@code bytes} when they are one of {@code accepted}, else {@code null}. */
    public static String of(byte[] bytes, Set<FileType> accepted) {
        for (FileType type : accepted) {
            if (type.matches(bytes)) {
                return type.contentType;
            }
        }
        return null;
    }

    private boolean matches(byte[] bytes) {
        return switch (this) {
            case JPEG -> startsWith(bytes, JPEG_MAGIC);
            case PNG -> startsWith(bytes, PNG_MAGIC);
            case PDF -> startsWith(bytes, PDF_MAGIC);
            case WEBP -> bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
                    && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P';
        };
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length > prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
