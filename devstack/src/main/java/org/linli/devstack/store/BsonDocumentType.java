package org.linli.devstack.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the store's documents lie in the file: as BSON, the bytes they arrive and leave in.
 * <p>
 * mongo-java-server's H2 backend leaves the values of its maps to MVStore's {@link ObjectDataType}, which writes a
 * document with Java serialisation. Every journaled write commits, and a commit writes every page it changed: half
 * of the store's CPU in the scale benchmark went to {@code ObjectOutputStream} (docs/benchmarks/scale.md). BSON is
 * written and read several times faster, by the same codec the wire protocol uses.
 * <p>
 * Files written before keep working: a value starts with a type tag, this type's tag ({@value #BSON}) is one
 * {@link ObjectDataType} never writes, and any other value is read (and anything but a document written) by
 * {@link ObjectDataType} as before; a page changed after the upgrade is written as BSON.
 */
final class BsonDocumentType extends BasicDataType<Object> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    /** Not among {@link ObjectDataType}'s tags (0–14, 19, 32–49, 64–119). */
    static final byte BSON = 120;

    private final ObjectDataType objects = new ObjectDataType();
    /**
     * Heap bytes a decoded document takes per byte of its BSON: 4.8–6.0 over 20,000 documents each of the county
     * store's large collections (issues 5.0, audit records 4.8, outbox markers 6.0; measured with the heap after GC,
     * docs/benchmarks/scale.md, session 15). Pages split by it ({@link StoreBackend#PAGE_SPLIT_SIZE}).
     */
    static final int HEAP_PER_ENCODED_BYTE = 5;
    /** Room for a typical document's BSON before the buffer has to grow. */
    private static final int ENCODING_BUFFER = 4 * 1024;
    /** A thread's encoding buffer grown past this (by a rare large document) is replaced before its next use. */
    private static final int KEPT_BUFFER_LIMIT = 256 * 1024;
    /**
     * Each writing thread's encoding buffer. A commit writes every page it changed, so each write re-encodes the
     * page's other documents too; a fresh 4 KB buffer per document was the store's largest allocation under load
     * (a JFR allocation profile, session 18: 54 % of its bytes).
     */
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(ENCODING_BUFFER));

    private BsonDocumentType() {
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (!(value instanceof Document document)) {
            objects.write(buffer, value);
            return;
        }
        ByteBuf bson = encoded(document);
        if (bson == null) {
            objects.write(buffer, value); // a value BSON cannot carry stays readable, Java-serialised as before
            return;
        }
        int size = bson.readableBytes();
        buffer.put(BSON).putVarInt(size)
                .put(bson.array(), bson.arrayOffset() + bson.readerIndex(), size);
    }

    /** The document's BSON in this thread's buffer; {@code null} when BSON cannot carry one of its values. */
    private static ByteBuf encoded(Document document) {
        ByteBuf bson = ENCODING.get().clear();
        if (bson.capacity() > KEPT_BUFFER_LIMIT) {
            bson = Unpooled.buffer(ENCODING_BUFFER);
            ENCODING.set(bson);
        }
        try {
            BsonEncoder.encodeDocument(document, bson);
            return bson;
        } catch (RuntimeException notEncodable) {
            return null;
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return objects.read(buffer);
        }
        buffer.get();
        int length = DataUtils.readVarInt(buffer);
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(buffer.position(), length)));
        buffer.position(buffer.position() + length);
        return document;
    }

    /**
     * A document's memory as MVStore's page cache and page splits count it: the heap it takes decoded
     * ({@link DecodedSize}). MVStore asks for a sample of the values and keeps an average per map, so each
     * collection's pages are counted at its own documents' size. One moving average of every document written, as
     * this once was, let the many small ones (outbox markers, idempotency records) keep it far below an issue's: a
     * cache of issue pages took several times its budget, and the store ran out of heap.
     */
    @Override
    public int getMemory(Object value) {
        return value instanceof Document document ? DecodedSize.of(document) : objects.getMemory(value);
    }

    @Override
    public int compare(Object a, Object b) {
        return objects.compare(a, b);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
