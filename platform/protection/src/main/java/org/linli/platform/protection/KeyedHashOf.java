package org.linli.platform.protection;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a stored field as the {@link KeyedHash} of a {@link SensitiveText} field of the same document (named
 * by {@link #value()}): {@link KeyedHashCallback} sets it on every save, and the startup pass
 * ({@link ProtectedFieldsPass}) fills it in documents stored before it existed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface KeyedHashOf {

    /** The name of the {@link SensitiveText} property this field hashes. */
    String value();
}
