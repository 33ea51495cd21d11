package dev.selftest;

import java.time.Duration;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/** One named step of a scenario execution. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record StepResult(String name, Outcome outcome, Duration duration, @Nullable String message) {
}
