package org.linli.org.unit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a stored copy of an org unit's path (used to scope lists to a subtree). When a unit moves,
 * {@link SubtreeRebaser} rewrites every field so marked, in every collection, with the moved prefix.
 */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ScopePath {
}
