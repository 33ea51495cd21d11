package dev.selftest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class or method as changing shared state: it never runs in production.
 * Same as {@code @Tag(SafetyTags.DESTRUCTIVE)}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(SafetyTags.DESTRUCTIVE)
public @interface Destructive {
}
