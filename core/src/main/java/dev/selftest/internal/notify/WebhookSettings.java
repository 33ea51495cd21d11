package dev.selftest.internal.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How the webhook notifier delivers, as validated by {@link dev.selftest.notify.WebhookNotifier.Builder}.
 *
 * @param linkBase where people reach the control API; run links are {@code linkBase + "/runs/" + id}
 */
public record WebhookSettings(URI url, Map<String, String> headers, String linkBase, int maxAttempts,
                              Duration initialBackoff, Duration requestTimeout) {
    public WebhookSettings {
        headers = Map.copyOf(headers);
    }

    /** The wait before attempt {@code attempt + 1}: the initial backoff doubled per retry, at most a minute. */
    Duration backoff(int attempt) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 16));
        return wait.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : wait;
    }

    @Override
    public String toString() {
        return "WebhookSettings[host=" + url.getHost() + ", maxAttempts=" + maxAttempts + "]";
    }
}
