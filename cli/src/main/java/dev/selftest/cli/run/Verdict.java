package dev.selftest.cli.run;

import java.util.Collection;
import org.apiguardian.api.API;

/** How one instance ended, and what that means for the exit code. */
@API(status = API.Status.INTERNAL, since = "0.1")
public enum Verdict {
    /** Every selected scenario passed (or was skipped). */
    PASSED(0),
    /** At least one scenario failed, errored or timed out, or the run was cancelled. */
    FAILED(1),
    /** The run did not finish within {@code --timeout}; it was cancelled. */
    TIMED_OUT(1),
    /** The CLI could not tell: connection, authorisation or server error. */
    ERROR(2);

    private final int exitCode;

    Verdict(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /**
     * The exit code of several instances: 1 when any failed or timed out (a known failure decides, even if another
     * instance could not be reached), else 2 when any could not tell, else 0.
     */
    public static int exitCode(Collection<Verdict> verdicts) {
        if (verdicts.contains(FAILED) || verdicts.contains(TIMED_OUT)) {
            return 1;
        }
        return verdicts.contains(ERROR) ? 2 : 0;
    }
}
