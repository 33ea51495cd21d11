package dev.selftest.cli.client;

import org.apiguardian.api.API;

/**
 * Something that keeps the CLI from telling whether the checks passed (connection, authorisation, server errors):
 * exit code 2. The message is meant for a person reading a pipeline log, and says what to check.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message, null, false, false);
    }
}
