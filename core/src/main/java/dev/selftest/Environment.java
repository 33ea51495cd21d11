package dev.selftest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The named stage the application runs in ({@code dev}, {@code ci}, {@code staging}, {@code production}, ...) and
 * its per-environment test data. A data value {@code key} is looked up, first found wins, in:
 * <ol>
 *   <li>the configuration key {@code selftest.data.<environment>.<key>} (a system property, or the environment
 *       variable {@code SELFTEST_DATA_<ENVIRONMENT>_<KEY>}, or the framework's configuration);</li>
 *   <li>{@code <environment>.properties} in the directory {@code selftest.data.dir}, if configured;</li>
 *   <li>{@code selftest-data/<environment>.properties} on the classpath.</li>
 * </ol>
 * Values read with {@link #secret} — and values of keys whose name contains {@code password}, {@code secret},
 * {@code token} or {@code key} — are secrets: {@link #redact} replaces them in every report and message.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Environment {
    /** The configuration key of the directory holding one {@code <environment>.properties} file each. */
    public static final String DATA_DIR = "selftest.data.dir";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|secret|token|key).*");
    private static final String MASK = "****";

    private final String name;
    private final ConfigSource config;
    private final Map<String, String> directoryFile;
    private final ClassLoader classLoader;
    private volatile @Nullable Map<String, String> classpathFile;
    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    private Environment(String name, ConfigSource config) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("environment name '" + name
                    + "' is invalid: use lower-case letters, digits and '-', such as 'staging'");
        }
        this.name = name;
        this.config = config;
        this.directoryFile = config.value(DATA_DIR).map(dir -> load(Path.of(dir).resolve(name + ".properties")))
                .orElse(Map.of());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        this.classLoader = context != null ? context : Environment.class.getClassLoader();
    }

    /** An environment whose data is read from {@code config} and the data files. */
    public static Environment of(String name, ConfigSource config) {
        return new Environment(name, config);
    }

    public String name() {
        return name;
    }

    /** The config key of a data value in this environment, such as {@code selftest.data.staging.account}. */
    public String dataKey(String key) {
        return "selftest.data." + name + "." + key;
    }

    /** A data value of this environment, if configured. */
    public Optional<String> find(String key) {
        Optional<String> value = config.value(dataKey(key))
                .or(() -> Optional.ofNullable(directoryFile.get(key)))
                .or(() -> Optional.ofNullable(classpathFile().get(key)));
        if (SECRET_KEY.matcher(key).matches()) {
            value.ifPresent(this::rememberSecret);
        }
        return value;
    }

    /**
     * A data value of this environment.
     *
     * @throws IllegalStateException naming the key, the environment and where it could be set
     */
    public String value(String key) {
        return find(key).orElseThrow(() -> missing(key));
    }

    /** A data value that must never appear in a report, a log line or a response: {@link #redact} masks it. */
    public String secret(String key) {
        String value = value(key);
        rememberSecret(value);
        return value;
    }

    /** True when {@code key} has a value in this environment. */
    public boolean has(String key) {
        return config.value(dataKey(key)).isPresent() || directoryFile.containsKey(key)
                || classpathFile().containsKey(key);
    }

    /** {@code text} with every secret value handed out so far replaced by {@code ****}. */
    public @Nullable String redact(@Nullable String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String redacted = text;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, MASK);
        }
        return redacted;
    }

    private void rememberSecret(String value) {
        if (value.length() >= 4) {
            secrets.add(value);
        }
    }

    private IllegalStateException missing(String key) {
        return new IllegalStateException("test data '" + key + "' is not configured for environment '" + name
                + "': set " + dataKey(key) + " (or the environment variable "
                + ConfigSource.environmentVariableName(dataKey(key)) + "), or add '" + key + "' to "
                + name + ".properties in " + DATA_DIR + " or selftest-data/ on the classpath");
    }

    private static Map<String, String> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return toMap(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read test data " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code selftest-data/<environment>.properties} on the classpath, read when a value is first looked up there
     * (looking for it searches every jar, which start-up need not wait for).
     */
    private Map<String, String> classpathFile() {
        Map<String, String> file = classpathFile;
        if (file == null) {
            file = loadClasspath(classLoader, "selftest-data/" + name + ".properties");
            classpathFile = file;
        }
        return file;
    }

    private static Map<String, String> loadClasspath(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            return toMap(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read test data " + resource + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> toMap(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return Map.copyOf(values);
    }

    @Override
    public String toString() {
        return name;
    }
}
