package dev.selftest.jakarta;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Names the resource type a {@link dev.selftest.cleanup.CleanupHandler} bean removes, the {@code type} of
 * {@link dev.selftest.ScenarioContext#track(String, String)}:
 *
 * <pre>{@code
 * @Produces @CleanupType("order")
 * CleanupHandler orders(Catalogue catalogue) {
 *     return id -> catalogue.delete(Long.parseLong(id));
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE, ElementType.PARAMETER})
public @interface CleanupType {
    /** The resource type, such as {@code order}. */
    String value();
}
