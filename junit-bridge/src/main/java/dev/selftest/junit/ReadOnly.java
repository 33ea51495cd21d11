package dev.selftest.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class or method as reading only: it may run everywhere, production included.
 * Same as {@code @Tag(SafetyTags.READ_ONLY)}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(SafetyTags.READ_ONLY)
public @interface ReadOnly {
}
