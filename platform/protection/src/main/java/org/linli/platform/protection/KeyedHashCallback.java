package org.linli.platform.protection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.mapping.event.BeforeConvertCallback;

/**
 * Fills every {@link KeyedHashOf} field from its {@link SensitiveText} field just before an entity is
 * written, so an aggregate never computes or forgets its lookup hashes: the hash always matches the value
 * saved with it.
 */
final class KeyedHashCallback implements BeforeConvertCallback<Object> {

    private final ObjectProvider<MongoMappingContext> mapping;
    private final KeyedHash hash;
    private final Map<Class<?>, List<HashedProperty>> hashedProperties = new ConcurrentHashMap<>();

    KeyedHashCallback(ObjectProvider<MongoMappingContext> mapping, KeyedHash hash) {
        this.mapping = mapping;
        this.hash = hash;
    }

    @Override
    public Object onBeforeConvert(Object entity, String collection) {
        MongoPersistentEntity<?> persistent = mapping.getObject().getPersistentEntity(entity.getClass());
        if (persistent == null) {
            return entity;
        }
        List<HashedProperty> hashed = hashedProperties.computeIfAbsent(entity.getClass(), type -> hashedOf(persistent));
        if (hashed.isEmpty()) {
            return entity; // most saves: an aggregate without a keyed hash
        }
        PersistentPropertyAccessor<Object> accessor = persistent.getPropertyAccessor(entity);
        for (HashedProperty property : hashed) {
            Object source = accessor.getProperty(property.source());
            String plain = source instanceof SensitiveText text ? text.value() : (String) source;
            accessor.setProperty(property.hash(), hash.of(plain));
        }
        return accessor.getBean();
    }

    /** A {@link KeyedHashOf} field and the field it hashes. */
    private record HashedProperty(MongoPersistentProperty hash, MongoPersistentProperty source) {
    }

    /** The entity's keyed-hash fields, looked up once per class rather than on every save. */
    private static List<HashedProperty> hashedOf(MongoPersistentEntity<?> persistent) {
        List<HashedProperty> hashed = new ArrayList<>();
        persistent.doWithProperties((PropertyHandler<MongoPersistentProperty>) property -> {
            KeyedHashOf hashOf = property.findAnnotation(KeyedHashOf.class);
            if (hashOf != null) {
                hashed.add(new HashedProperty(property, persistent.getRequiredPersistentProperty(hashOf.value())));
            }
        });
        return List.copyOf(hashed);
    }
}
