package org.linli.issue.issue;

import java.util.List;
import org.linli.platform.web.files.CheckedFileStore;
import org.linli.platform.web.files.FileType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Photos of issues in GridFS ({@code photos.files}/{@code photos.chunks}): at most 9 per request, JPEG, PNG or WebP
 * by their first bytes; 422 {@code too-many-photos}, {@code photo-too-large}, {@code invalid-photo}.
 */
@Component
class PhotoStore extends CheckedFileStore {

    PhotoStore(MongoDatabaseFactory factory, MongoConverter converter,
               @Value("${linli.issue.photos.max-size:5MB}") DataSize maxSize) {
        super(new GridFsTemplate(factory, converter, "photos"), "photo", Issue.MAX_PHOTOS, maxSize, FileType.IMAGES);
    }

    /** Stores checked uploads and answers their ids, which the issue keeps. */
    List<String> storeIds(List<Upload> uploads) {
        return store(uploads).stream().map(StoredFile::id).toList();
    }
}
