package org.linli.platform.protection;

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
        PersistentPropertyAccessor<Object> accessor = persistent.getPropertyAccessor(entity);
        persistent.doWithProperties((PropertyHandler<MongoPersistentProperty>) property -> {
            KeyedHashOf hashOf = property.findAnnotation(KeyedHashOf.class);
            if (hashOf != null) {
                Object source = accessor.getProperty(persistent.getRequiredPersistentProperty(hashOf.value()));
                String plain = source instanceof SensitiveText text ? text.value() : (String) source;
                accessor.setProperty(property, hash.of(plain));
            }
        });
        return accessor.getBean();
    }
}
