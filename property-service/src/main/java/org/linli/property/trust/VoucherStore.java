package org.linli.property.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.linli.platform.web.BusinessRuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Vouchers (凭证: receipts, invoices, contracts) of trust-account lines in MongoDB GridFS
 * ({@code vouchers.files}/{@code vouchers.chunks}), stored the way issue-service stores issue photos: every file
 * is checked before any is stored — at most 9, each non-empty and within the size limit, and a JPEG, PNG, WebP or
 * PDF by its first bytes (the declared type is not trusted); a refused file stores nothing.
 */
@Component
class VoucherStore {

    static final int MAX_VOUCHERS = 9;
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};

    private final GridFsTemplate gridFs;
    private final DataSize maxSize;

    VoucherStore(MongoDatabaseFactory factory, MongoConverter converter,
                 @Value("${linli.property.trust.voucher-max-size:5MB}") DataSize maxSize) {
        this.gridFs = new GridFsTemplate(factory, converter, "vouchers");
        this.maxSize = maxSize;
    }

    /** Checks every file; 422 {@code too-many-vouchers}, {@code voucher-too-large} or {@code invalid-voucher}. */
    List<Upload> validate(List<MultipartFile> files) {
        List<MultipartFile> present = files == null ? List.of() : files.stream().filter(file -> file != null).toList();
        if (present.size() > MAX_VOUCHERS) {
            throw new BusinessRuleViolation("too-many-vouchers", "at most 9 vouchers", MAX_VOUCHERS);
        }
        List<Upload> uploads = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            MultipartFile file = present.get(i);
            if (file.getSize() > maxSize.toBytes()) {
                throw new BusinessRuleViolation("voucher-too-large", "voucher " + (i + 1) + " is larger than " + maxSize,
                        i + 1, maxSize.toMegabytes() + "MB");
            }
            byte[] bytes;
            try {
                bytes = file.getBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String type = contentType(bytes);
            if (type == null) {
                throw new BusinessRuleViolation("invalid-voucher",
                        "voucher " + (i + 1) + " is not a JPEG, PNG, WebP image or a PDF", i + 1);
            }
            uploads.add(new Upload(bytes, type, filename(file.getOriginalFilename())));
        }
        return uploads;
    }

    /** Stores checked uploads; if one fails, the ones stored before it are deleted again. */
    List<TrustEntry.Voucher> store(List<Upload> uploads) {
        List<TrustEntry.Voucher> stored = new ArrayList<>();
        try {
            for (Upload upload : uploads) {
                ObjectId id = gridFs.store(new ByteArrayInputStream(upload.bytes()), upload.filename(),
                        upload.contentType(), new Document("contentType", upload.contentType()));
                stored.add(new TrustEntry.Voucher(id.toHexString(), upload.contentType(), upload.filename()));
            }
            return stored;
        } catch (RuntimeException e) {
            delete(stored);
            throw e;
        }
    }

    void delete(List<TrustEntry.Voucher> vouchers) {
        for (TrustEntry.Voucher voucher : vouchers) {
            gridFs.delete(Query.query(Criteria.where("_id").is(new ObjectId(voucher.id()))));
        }
    }

    Optional<File> load(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        GridFsResource resource = gridFs.getResource(gridFs.findOne(
                Query.query(Criteria.where("_id").is(new ObjectId(id)))));
        if (resource == null || !resource.exists()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new File(resource.getInputStream().readAllBytes(), resource.getContentType()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file type by magic bytes, {@code null} when not one we accept. */
    static String contentType(byte[] bytes) {
        if (startsWith(bytes, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(bytes, PNG)) {
            return "image/png";
        }
        if (startsWith(bytes, PDF)) {
            return "application/pdf";
        }
        if (bytes.length >= 12 && bytes[0] == 'R' && bytes[1] == 'I' && bytes[2] == 'F' && bytes[3] == 'F'
                && bytes[8] == 'W' && bytes[9] == 'E' && bytes[10] == 'B' && bytes[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length > prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String filename(String original) {
        if (original == null || original.isBlank()) {
            return "voucher";
        }
        String name = original.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        return name.length() > 120 ? name.substring(name.length() - 120) : name;
    }

    record Upload(byte[] bytes, String contentType, String filename) {
    }

    record File(byte[] bytes, String contentType) {
    }
}
