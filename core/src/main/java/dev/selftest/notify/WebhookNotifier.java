package dev.selftest.notify;

import dev.selftest.ConfigSource;
import dev.selftest.RunListener;
import dev.selftest.internal.notify.DefaultWebhookNotifier;
import dev.selftest.internal.notify.WebhookSettings;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Posts a JSON message to a webhook (Slack, Mattermost, Teams workflows, an incident tool) when
 * <ul>
 *   <li>a {@code deploy} run fails, and</li>
 *   <li>a scenario run by the scheduler ({@code schedule} trigger) starts failing, and when it passes again.</li>
 * </ul>
 * A failure that persists is reported once, not on every scheduled run. The message has a Slack-compatible
 * {@code text} field plus {@code event}, {@code environment}, {@code runId}, {@code link} and the failing
 * scenarios with their messages. Delivery happens on a thread of its own, with retries and exponential backoff on
 * connection errors, 408, 429 and 5xx; it never blocks or fails a run.
 *
 * <pre>{@code
 * Selftest selftest = Selftest.builder()
 *         .listener(WebhookNotifier.builder(URI.create(slackWebhookUrl))
 *                 .linkBase(URI.create("https://orders.example.com/selftest"))
 *                 .build())
 *         .build();
 * }</pre>
 *
 * Or with configuration alone: {@code selftest.notify.webhook.url} (and optionally
 * {@code selftest.notify.webhook.link-base} and {@code selftest.notify.webhook.authorization}).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface WebhookNotifier extends RunListener, AutoCloseable {

    /** The webhook URL; setting it turns the notifier on. */
    String URL = "selftest.notify.webhook.url";
    /** Where people reach the control API, to build run links, such as {@code https://orders.example.com/selftest}. */
    String LINK_BASE = "selftest.notify.webhook.link-base";
    /** A value for the {@code Authorization} header, for receivers that need one. */
    String AUTHORIZATION = "selftest.notify.webhook.authorization";

    /** Stops delivering; messages still waiting for a retry are dropped. */
    @Override
    void close();

    /** Starts a notifier for {@code url} (http or https). */
    static Builder builder(URI url) {
        return new Builder(url);
    }

    /**
     * A notifier configured by {@link #URL}, {@link #LINK_BASE} and {@link #AUTHORIZATION}; empty when no URL is set.
     *
     * @throws IllegalArgumentException naming the key of an invalid value
     */
    static Optional<WebhookNotifier> fromConfig(ConfigSource config) {
        Optional<String> url = config.value(URL);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Builder builder;
        try {
            builder = builder(URI.create(url.get().trim()));
            config.value(LINK_BASE).ifPresent(base -> builder.linkBase(URI.create(base.trim())));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(URL + " and " + LINK_BASE + " must be absolute http(s) URLs: "
                    + e.getMessage(), e);
        }
        config.value(AUTHORIZATION).ifPresent(value -> builder.header("Authorization", value.trim()));
        return Optional.of(builder.build());
    }

    /** Builds a {@link WebhookNotifier}; setters validate at once. */
    final class Builder {
        private final URI url;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String linkBase = "/selftest";
        private int maxAttempts = 5;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration requestTimeout = Duration.ofSeconds(10);

        private Builder(URI url) {
            this.url = requireHttp(url, "webhook url");
        }

        /** Adds a request header, such as {@code Authorization}. */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "header name"), Objects.requireNonNull(value, "header value"));
            return this;
        }

        /**
         * Where people reach the control API, such as {@code https://orders.example.com/selftest}; run links in
         * messages are built from it. Default: the path {@code /selftest}.
         */
        public Builder linkBase(URI linkBase) {
            String base = requireHttp(linkBase, "link base").toString();
            this.linkBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            return this;
        }

        /** How many times a message is tried in all (default 5). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > 20) {
                throw new IllegalArgumentException("maxAttempts must be from 1 to 20, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The wait before the first retry; it doubles for each further one, up to a minute (default 1s). */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = positive(initialBackoff, "initialBackoff");
            return this;
        }

        /** How long one delivery attempt may take (default 10s). */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        public WebhookNotifier build() {
            return new DefaultWebhookNotifier(new WebhookSettings(url, headers, linkBase, maxAttempts,
                    initialBackoff, requestTimeout));
        }

        private static URI requireHttp(URI uri, String what) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException(what + " must be an absolute http(s) URL, was '" + uri + "'");
            }
            return uri;
        }

        private static Duration positive(Duration duration, String what) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, was " + duration);
            }
            return duration;
        }
    }
}
