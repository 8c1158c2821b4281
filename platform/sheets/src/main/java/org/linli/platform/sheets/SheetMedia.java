package org.linli.platform.sheets;

import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.io.OutputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The xlsx media type and how a controller answers with a sheet. */
public final class SheetMedia {

    public static final String XLSX_VALUE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final MediaType XLSX = MediaType.parseMediaType(XLSX_VALUE);

    private SheetMedia() {
    }

    /** Whether the {@code Accept} header asks for xlsx explicitly (a wildcard does not). */
    public static boolean wanted(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(type -> !type.isWildcardType() && !type.isWildcardSubtype()
                    && type.isCompatibleWith(XLSX));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** A roster's template (headers and the example row) as an attachment named {@code filename}. */
    public static ResponseEntity<byte[]> template(SheetLayout layout, String filename) {
        return answer(HttpStatus.OK, filename, out -> SheetWriter.template(layout, out));
    }

    /** A small sheet (a template, the bad rows) as an attachment named {@code filename}. */
    public static ResponseEntity<byte[]> answer(HttpStatusCode status, String filename, Consumer<OutputStream> sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sheet.accept(out);
        return ResponseEntity.status(status).contentType(XLSX).headers(attachment(filename)).body(out.toByteArray());
    }

    /** Writes {@code writer}'s sheet as the response, an attachment named {@code filename}. */
    public static void download(HttpServletResponse response, String filename, SheetWriter writer) throws IOException {
        response.setContentType(XLSX_VALUE);
        attachment(filename).forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        writer.writeTo(response.getOutputStream());
    }

    /** {@code Content-Disposition: attachment} with the UTF-8 file name. */
    public static HttpHeaders attachment(String filename) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build());
        return headers;
    }
}
