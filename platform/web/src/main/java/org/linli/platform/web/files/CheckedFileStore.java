package org.linli.platform.web.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.linli.platform.domain.BusinessRuleViolation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded files (issue photos, trust-account vouchers…) in one MongoDB GridFS bucket. Every file of a request is
 * checked before any is stored: at most {@code maxFiles}, each non-empty and within {@code maxSize}, and of an
 * accepted {@link FileType} by its first bytes (the declared content type is not trusted). A refused file stores
 * nothing; a store that fails half-way deletes what it stored. Refusals are 422 with codes named after the
 * store's noun: {@code too-many-<noun>s}, {@code <noun>-too-large}, {@code invalid-<noun>}.
 */
public class CheckedFileStore {

    private final GridFsTemplate gridFs;
    private final String noun;
    private final int maxFiles;
    private final DataSize maxSize;
    private final Set<FileType> accepted;

    protected CheckedFileStore(GridFsTemplate gridFs, String noun, int maxFiles, DataSize maxSize,
                               Set<FileType> accepted) {
        this.gridFs = gridFs;
        this.noun = noun;
        this.maxFiles = maxFiles;
        this.maxSize = maxSize;
        this.accepted = Set.copyOf(accepted);
    }

    /** Checks every file; 422 {@code too-many-<noun>s}, {@code <noun>-too-large} or {@code invalid-<noun>}. */
    public List<Upload> validate(List<MultipartFile> files) {
        List<MultipartFile> present = files == null ? List.of() : files.stream().filter(file -> file != null).toList();
        if (present.size() > maxFiles) {
            throw new BusinessRuleViolation("too-many-" + noun + "s", "at most " + maxFiles + " " + noun + "s", maxFiles);
        }
        List<Upload> uploads = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            uploads.add(checked(present.get(i), i + 1));
        }
        return uploads;
    }

    private Upload checked(MultipartFile file, int position) {
        if (file.getSize() > maxSize.toBytes()) {
            throw new BusinessRuleViolation(noun + "-too-large", noun + " " + position + " is larger than " + maxSize,
                    position, maxSize.toMegabytes() + "MB");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = FileType.of(bytes, accepted);
        if (type == null) {
            throw new BusinessRuleViolation("invalid-" + noun, noun + " " + position + " is not " + acceptedLabels(),
                    position);
        }
        return new Upload(bytes, type, filename(file.getOriginalFilename()));
    }

    /** Stores checked uploads; if one fails, the ones stored before it are deleted again. */
    public List<StoredFile> store(List<Upload> uploads) {
        List<StoredFile> stored = new ArrayList<>();
        try {
            for (Upload upload : uploads) {
                ObjectId id = gridFs.store(new ByteArrayInputStream(upload.bytes()), upload.filename(),
                        upload.contentType(), new Document("contentType", upload.contentType()));
                stored.add(new StoredFile(id.toHexString(), upload.contentType(), upload.filename()));
            }
            return stored;
        } catch (RuntimeException e) {
            delete(stored.stream().map(StoredFile::id).toList());
            throw e;
        }
    }

    public void delete(List<String> ids) {
        for (String id : ids) {
            gridFs.delete(Query.query(Criteria.where("_id").is(new ObjectId(id))));
        }
    }

    /** The file with this id, empty for an id that is not one (no exception for garbage). */
    public Optional<Content> load(String id) {
        if (!ObjectId.isValid(id)) {
            return Optional.empty();
        }
        GridFsResource resource = gridFs.getResource(gridFs.findOne(
                Query.query(Criteria.where("_id").is(new ObjectId(id)))));
        if (resource == null || !resource.exists()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Content(resource.getInputStream().readAllBytes(), resource.getContentType()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long count() {
        return gridFs.find(new Query()).into(new ArrayList<>()).size();
    }

    private String acceptedLabels() {
        return accepted.stream().sorted().map(FileType::label).collect(Collectors.joining(", ", "a ", ""));
    }

    /** The client's file name without path separators or control characters, at most 120 characters. */
    private String filename(String original) {
        if (original == null || original.isBlank()) {
            return noun;
        }
        String name = original.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        return name.length() > 120 ? name.substring(name.length() - 120) : name;
    }

    public record Upload(byte[] bytes, String contentType, String filename) {
    }

    public record StoredFile(String id, String contentType, String filename) {
    }

    public record Content(byte[] bytes, String contentType) {
    }
}
