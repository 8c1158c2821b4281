package org.linli.issue.issue;

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
 * Photos of issues in MongoDB GridFS ({@code photos.files}/{@code photos.chunks}). Every file is
 * checked before any is stored: at most 9, each non-empty and within the size limit, and a JPEG, PNG
 * or WebP by its first bytes (the declared content type is not trusted). A refused file stores nothing.
 */
@Component
class PhotoStore {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final GridFsTemplate gridFs;
    private final DataSize maxSize;

    PhotoStore(MongoDatabaseFactory factory, MongoConverter converter,
               @Value("${linli.issue.photos.max-size:5MB}") DataSize maxSize) {
        this.gridFs = new GridFsTemplate(factory, converter, "photos");
        this.maxSize = maxSize;
    }

    /** Checks every file; 422 {@code too-many-photos}, {@code photo-too-large} or {@code invalid-photo}. */
    List<Upload> validate(List<MultipartFile> files) {
        List<MultipartFile> present = files == null ? List.of() : files.stream().filter(file -> file != null).toList();
        if (present.size() > Issue.MAX_PHOTOS) {
            throw new BusinessRuleViolation("too-many-photos", "at most 9 photos", Issue.MAX_PHOTOS);
        }
        List<Upload> uploads = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            MultipartFile file = present.get(i);
            if (file.getSize() > maxSize.toBytes()) {
                throw new BusinessRuleViolation("photo-too-large", "photo " + (i + 1) + " is larger than " + maxSize,
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
                throw new BusinessRuleViolation("invalid-photo", "photo " + (i + 1) + " is not a JPEG, PNG or WebP image",
                        i + 1);
            }
            uploads.add(new Upload(bytes, type));
        }
        return uploads;
    }

    /** Stores checked uploads; if one fails, the ones stored before it are deleted again. */
    List<String> store(List<Upload> uploads) {
        List<String> ids = new ArrayList<>();
        try {
            for (Upload upload : uploads) {
                ObjectId id = gridFs.store(new ByteArrayInputStream(upload.bytes()), "issue-photo",
                        upload.contentType(), new Document("contentType", upload.contentType()));
                ids.add(id.toHexString());
            }
            return ids;
        } catch (RuntimeException e) {
            delete(ids);
            throw e;
        }
    }

    void delete(List<String> ids) {
        for (String id : ids) {
            gridFs.delete(Query.query(Criteria.where("_id").is(new ObjectId(id))));
        }
    }

    Optional<Photo> load(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        GridFsResource resource = gridFs.getResource(gridFs.findOne(
                Query.query(Criteria.where("_id").is(new ObjectId(id)))));
        if (resource == null || !resource.exists()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Photo(resource.getInputStream().readAllBytes(), resource.getContentType()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long count() {
        return gridFs.find(new Query()).into(new ArrayList<>()).size();
    }

    /** The image type by magic bytes, {@code null} when not one we accept. */
    static String contentType(byte[] bytes) {
        if (startsWith(bytes, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(bytes, PNG)) {
            return "image/png";
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

    record Upload(byte[] bytes, String contentType) {
    }

    record Photo(byte[] bytes, String contentType) {
    }
}
