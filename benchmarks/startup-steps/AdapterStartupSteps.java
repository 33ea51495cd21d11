import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Starts a Spring Boot application with Spring's {@link BufferingApplicationStartup}, prints how long the main thread
 * spent instantiating the Selftest adapter's beans, then stops the application. Compiled and run by
 * {@code run-http.sh steps}: {@code AdapterStartupSteps <main class> [warm]}.
 *
 * <p>Cold, the adapter's beans are the first to use some of what the application uses anyway a moment later (Spring's
 * binding of value objects, Micrometer's first meters, the first SQL query's classes), so their time includes costs
 * the application would pay without them. With {@code warm} the application first starts and stops once with
 * {@code selftest.enabled=false} in the same JVM, so that only what the adapter alone needs is still cold: closer to
 * what the adapter adds, though the application's own code is warmer too.
 *
 * <p>A bean is the adapter's when its name starts with {@code selftest} or {@code dev.selftest.spring.}. A bean the
 * adapter's bean needs and Spring creates inside it (the application's {@code DataSource}, say) is the
 * application's: its time is taken off. Output: one tab-separated line per adapter bean (milliseconds, name), then
 * {@code total}.
 */
public final class AdapterStartupSteps {
    private static final String INSTANTIATE = "spring.beans.instantiate";

    public static void main(String[] args) throws Exception {
        Class<?> main = Class.forName(args[0]);
        if (args.length > 1 && args[1].equals("warm")) {
            new SpringApplication(main).run("--selftest.enabled=false").close();
        }
        SpringApplication application = new SpringApplication(main);
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        application.setApplicationStartup(startup);
        try (ConfigurableApplicationContext context = application.run()) {
            print(startup);
        }
    }

    private static void print(BufferingApplicationStartup startup) {
        Map<Long, TimelineEvent> byId = new HashMap<>();
        startup.getBufferedTimeline().getEvents().forEach(event -> byId.put(event.getStartupStep().getId(), event));
        Map<String, Double> adapterMillis = new HashMap<>();
        double total = 0;
        for (TimelineEvent event : byId.values()) {
            Optional<String> bean = beanName(event.getStartupStep());
            if (bean.isEmpty() || !event.getStartupStep().getName().equals(INSTANTIATE)) {
                continue;
            }
            Optional<String> enclosing = enclosingBean(event.getStartupStep(), byId);
            boolean adapters = isAdapters(bean.get());
            boolean inAdapters = enclosing.map(AdapterStartupSteps::isAdapters).orElse(false);
            double millis = event.getDuration().toNanos() / 1e6;
            if (adapters && !inAdapters) {
                adapterMillis.merge(bean.get(), millis, Double::sum);
                total += millis;
            } else if (!adapters && inAdapters) {
                adapterMillis.merge(enclosing.get(), -millis, Double::sum);
                total -= millis;
            }
        }
        adapterMillis.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.reverseOrder()))
                .forEach(bean -> System.out.printf("%.2f\t%s%n", bean.getValue(), bean.getKey()));
        System.out.printf("%.2f\ttotal%n", total);
    }

    /** The bean the step's nearest enclosing bean instantiation creates, if any. */
    private static Optional<String> enclosingBean(StartupStep step, Map<Long, TimelineEvent> byId) {
        for (Long parent = step.getParentId(); parent != null && byId.containsKey(parent); ) {
            StartupStep enclosing = byId.get(parent).getStartupStep();
            Optional<String> bean = beanName(enclosing);
            if (bean.isPresent() && enclosing.getName().equals(INSTANTIATE)) {
                return bean;
            }
            parent = enclosing.getParentId();
        }
        return Optional.empty();
    }

    private static Optional<String> beanName(StartupStep step) {
        return StreamSupport.stream(step.getTags().spliterator(), false)
                .filter(tag -> tag.getKey().equals("beanName")).map(StartupStep.Tag::getValue).findFirst();
    }

    private static boolean isAdapters(String bean) {
        return bean.startsWith("selftest") || bean.startsWith("dev.selftest.spring.");
    }
}
