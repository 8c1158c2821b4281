package org.linli.property.trust;

import java.util.List;
import java.util.Set;
import org.linli.platform.web.files.CheckedFileStore;
import org.linli.platform.web.files.FileType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Vouchers (凭证: receipts, invoices, contracts) of trust-account lines in GridFS ({@code vouchers.files}/
 * {@code vouchers.chunks}), stored the way issue-service stores issue photos: at most 9 per line, JPEG, PNG, WebP or
 * PDF by their first bytes; 422 {@code too-many-vouchers}, {@code voucher-too-large}, {@code invalid-voucher}.
 */
@Component
class VoucherStore extends CheckedFileStore {

    static final int MAX_VOUCHERS = 9;

    VoucherStore(MongoDatabaseFactory factory, MongoConverter converter,
                 @Value("${linli.property.trust.voucher-max-size:5MB}") DataSize maxSize) {
        super(new GridFsTemplate(factory, converter, "vouchers"), "voucher", MAX_VOUCHERS, maxSize,
                Set.of(FileType.JPEG, FileType.PNG, FileType.WEBP, FileType.PDF));
    }

    List<TrustEntry.Voucher> storeVouchers(List<Upload> uploads) {
        return store(uploads).stream()
                .map(file -> new TrustEntry.Voucher(file.id(), file.contentType(), file.filename())).toList();
    }

    void deleteVouchers(List<TrustEntry.Voucher> vouchers) {
        delete(vouchers.stream().map(TrustEntry.Voucher::id).toList());
    }
}
