package dev.selftest.cleanup;

import org.apiguardian.api.API;

/**
 * Removes one tracked resource of a type, such as an order by id. Must be idempotent: after a crash it may be
 * called for a resource that is already gone, and it should then simply return.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface CleanupHandler {
    void remove(String id) throws Exception;
}
