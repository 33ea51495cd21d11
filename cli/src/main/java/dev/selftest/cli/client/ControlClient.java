package dev.selftest.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Calls one instance's control API. Waits and retries with exponential backoff while the instance is starting
 * (connection refused, 429, 503), up to the caller's deadline, and turns every other failure into a
 * {@link CliException} that says what to check.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ControlClient {
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final Target target;
    private final Credentials credentials;
    private final HttpClient http;
    private final ObjectMapper json;
    private final Consumer<String> onRetry;

    /**
     * @param onRetry hears why a call is retried ("connection refused; retrying in 1s"), for progress output
     */
    public ControlClient(Target target, Credentials credentials, HttpClient http, ObjectMapper json,
                         Consumer<String> onRetry) {
        this.target = target;
        this.credentials = credentials;
        this.http = http;
        this.json = json;
        this.onRetry = onRetry;
    }

    public Target target() {
        return target;
    }

    /** GET a JSON document, retrying while the instance is starting. */
    public JsonNode getJson(URI uri, Deadline deadline) {
        return readJson(expectOk(exchange(request(uri).GET(), true, deadline)));
    }

    /** POST a JSON body; only retried when the request surely did not arrive (connection refused, 429, 503). */
    public JsonNode postJson(URI uri, JsonNode body, Deadline deadline) {
        HttpRequest.Builder request = request(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        return readJson(expectOk(exchange(request, false, deadline)));
    }

    /** GET raw bytes, such as a JUnit XML report. */
    public byte[] getBytes(URI uri, Deadline deadline) {
        try (InputStream in = expectOk(exchange(request(uri).GET(), true, deadline)).body()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new CliException("the answer from " + uri + " broke off: " + e.getMessage());
        }
    }

    /** DELETE, once, ignoring the answer's body. */
    public int delete(URI uri, Deadline deadline) {
        HttpResponse<InputStream> response = send(request(uri).DELETE(), deadline);
        discard(response);
        return response.statusCode();
    }

    /** One GET with no retries, whatever the status: for health, where 503 is an answer. */
    public HttpResponse<InputStream> getOnce(URI uri, Deadline deadline) {
        return send(request(uri).GET(), deadline);
    }

    /** Opens a server-sent event stream; the caller reads and closes the body. */
    public HttpResponse<InputStream> openEvents(URI uri, Deadline deadline) throws IOException, InterruptedException {
        return http.send(request(uri).header("Accept", "text/event-stream")
                .timeout(positive(deadline.remaining())).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Reads a JSON body, or explains why it is not one. */
    public JsonNode readJson(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new CliException(response.uri() + " did not answer with JSON (" + e.getMessage()
                    + "); is --url the control API's base, such as https://orders.internal:8080/selftest?");
        }
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("User-Agent", "selftest-cli");
        credentials.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return request;
    }

    private HttpResponse<InputStream> exchange(HttpRequest.Builder request, boolean idempotent, Deadline deadline) {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            String retryReason;
            Duration wait;
            try {
                HttpResponse<InputStream> response = http.send(request.timeout(positive(deadline.remaining()))
                        .build(), HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status != 429 && status != 503) {
                    return response;
                }
                wait = retryAfter(response).orElse(backoff);
                if (!deadline.allows(wait)) {
                    return response;
                }
                discard(response);
                retryReason = "busy (HTTP " + status + ")";
            } catch (ConnectException | HttpConnectTimeoutException e) {
                wait = backoff;
                if (!deadline.allows(wait)) {
                    throw new CliException("cannot connect to " + target.base() + " (" + reason(e)
                            + "), kept trying until the timeout. Is the service up, and is the host and port right?");
                }
                retryReason = reason(e);
            } catch (HttpTimeoutException e) {
                throw new CliException("no answer from " + target.base() + " before the timeout");
            } catch (SSLException e) {
                throw new CliException("TLS with " + target.base() + " failed: " + e.getMessage()
                        + ". Check the certificate (the JDK's trust store is used) or the http/https scheme");
            } catch (IOException e) {
                wait = backoff;
                if (!idempotent || !deadline.allows(wait)) {
                    throw new CliException("the connection to " + target.base() + " broke: " + reason(e));
                }
                retryReason = reason(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException("interrupted");
            }
            onRetry.accept(retryReason + "; retrying in " + seconds(wait));
            sleep(wait);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private HttpResponse<InputStream> send(HttpRequest.Builder request, Deadline deadline) {
        try {
            return http.send(request.timeout(positive(deadline.remaining())).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new CliException("no answer from " + target.base() + " before the timeout");
        } catch (IOException e) {
            throw new CliException("cannot reach " + target.base() + " (" + reason(e)
                    + "). Is the service up, and is the host and port right?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    private HttpResponse<InputStream> expectOk(HttpResponse<InputStream> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        throw new CliException(explain(response, readError(response)));
    }

    /** Words for a non-2xx answer: the problem's detail plus what to check. */
    private String explain(HttpResponse<InputStream> response, @Nullable JsonNode problem) {
        int status = response.statusCode();
        String type = problem == null ? "" : problem.path("type").asText("");
        String detail = problem == null ? "" : problem.path("detail").asText("");
        String where = response.request().method() + " " + response.uri().getPath();
        if (problem == null || detail.isEmpty()) {
            return switch (status) {
                case 404 -> "nothing at " + response.uri() + " (404, not a Selftest control API). Is --url the "
                        + "control API's base, such as https://orders.internal:8080/selftest?";
                case 401, 403 -> where + " was refused (" + status + "). " + credentials.hint();
                case 301, 302, 303, 307, 308 -> where + " was redirected to "
                        + response.headers().firstValue("Location").orElse("another address")
                        + "; give that address with --url";
                default -> where + " answered HTTP " + status + " with no Selftest problem details. Is --url a "
                        + "Selftest control API (such as https://orders.internal:8080/selftest)? If so, the service "
                        + "log may say why";
            };
        }
        return switch (status) {
            case 401 -> "the token was refused (401): " + detail + ". " + credentials.hint();
            case 403 -> type.endsWith(":control-api-off") ? "the control API is off on this instance: " + detail
                    : type.endsWith(":scenario-forbidden") ? "the environment there forbids this selection: " + detail
                    + " " + problem.path("refused") : "access denied (403): " + detail + ". " + credentials.hint();
            case 400 -> "the service refused the request (400): " + detail;
            case 429, 503 -> "still busy when the timeout came (" + status + "): " + detail;
            default -> where + " failed (" + status + "): " + detail;
        };
    }

    private @Nullable JsonNode readError(HttpResponse<InputStream> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        try (InputStream in = response.body()) {
            byte[] bytes = in.readNBytes(MAX_ERROR_BODY);
            if (!type.contains("json")) {
                return null;
            }
            JsonNode node = json.readTree(new String(bytes, StandardCharsets.UTF_8));
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        try {
            return response.headers().firstValue("Retry-After").map(String::trim).map(Long::parseLong)
                    .filter(seconds -> seconds >= 0 && seconds <= 300).map(Duration::ofSeconds);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void discard(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // nothing to keep
        }
    }

    private String reason(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
                return "unknown host " + target.base().getHost();
            }
        }
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
        }
        return message;
    }

    private static void sleep(Duration wait) {
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, wait.toMillis() / 10));
        try {
            Thread.sleep(wait.toMillis() + jitter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }

    private static String seconds(Duration wait) {
        return wait.toMillis() < 1000 ? wait.toMillis() + "ms" : wait.toSeconds() + "s";
    }

    private static Duration positive(Duration duration) {
        return duration.isZero() ? Duration.ofMillis(1) : duration;
    }
}
