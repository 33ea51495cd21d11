package dev.selftest.junit.internal;

import dev.selftest.Safety;
import dev.selftest.Scenario;
import dev.selftest.junit.Granularity;
import dev.selftest.junit.SafetyTags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the selected Jupiter tests with the Launcher and turns each class (or method) into a {@link Scenario}. */
public final class Discovery {
    private static final Logger LOG = LoggerFactory.getLogger(Discovery.class);
    /** From least to most dangerous: a scenario is as dangerous as its most dangerous test. */
    private static final List<Safety> DANGER = List.of(Safety.READ_ONLY, Safety.SELF_CLEANING, Safety.DESTRUCTIVE);
    private static final Map<String, Safety> SAFETY_TAGS = Map.of(SafetyTags.READ_ONLY, Safety.READ_ONLY,
            SafetyTags.SELF_CLEANING, Safety.SELF_CLEANING, SafetyTags.DESTRUCTIVE, Safety.DESTRUCTIVE);

    private Discovery() {
    }

    /** @throws IllegalArgumentException when the tag expression is invalid */
    public static List<Scenario> scenarios(Selection selection) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        selection.packages().forEach(name -> selectors.add(DiscoverySelectors.selectPackage(name)));
        selection.classes().forEach(type -> selectors.add(DiscoverySelectors.selectClass(type)));
        // One session for the bridge's lifetime: its launcher loads the engines once, where a launcher from
        // LauncherFactory.create() loads them again for every request (a few times slower per run).
        Launcher launcher = LauncherFactory.openSession().getLauncher();
        TestPlan plan = launcher.discover(Requests.discovery(selectors, selection.tags(), Map.of()));

        List<TestIdentifier> units = plan.getRoots().stream()
                .flatMap(engine -> selection.granularity() == Granularity.CLASS
                        ? plan.getChildren(engine).stream().filter(node -> source(node) instanceof ClassSource)
                        : plan.getDescendants(engine).stream().filter(node -> isTestMethod(plan, node)))
                .toList();
        Set<String> overloaded = overloadedMethods(units);
        List<Scenario> scenarios = units.stream()
                .map(unit -> scenario(plan, unit, overloaded, launcher, selection))
                .toList();
        if (scenarios.isEmpty()) {
            LOG.warn("No JUnit Jupiter tests found in packages {} and classes {}{}: inside an executable jar "
                    + "select test classes instead of packages", selection.packages(), selection.classes(),
                    selection.tags() == null ? "" : " matching tags '" + selection.tags() + "'");
        }
        return scenarios;
    }

    private static Scenario scenario(TestPlan plan, TestIdentifier unit, Set<String> overloaded, Launcher launcher,
                                     Selection selection) {
        Collection<TestIdentifier> subtree = Stream.concat(Stream.of(unit), plan.getDescendants(unit).stream())
                .toList();
        Class<?> testClass;
        String id;
        String description;
        if (source(unit) instanceof MethodSource method) {
            testClass = method.getJavaClass();
            id = methodId(method, overloaded);
            description = plan.getParent(unit).map(TestIdentifier::getDisplayName).orElse(testClass.getName())
                    + ": " + unit.getDisplayName();
        } else {
            testClass = ((ClassSource) source(unit)).getJavaClass();
            id = testClass.getName();
            description = unit.getDisplayName();
        }
        return Scenario.builder(validId(id))
                .description(description)
                .tags(subtree.stream().flatMap(node -> node.getTags().stream()).map(TestTag::getName)
                        .collect(Collectors.toCollection(LinkedHashSet::new)))
                .safety(safety(subtree))
                .timeout(selection.timeout())
                .source("junit:" + id)
                .body(new TestsBody(launcher, unit.getUniqueIdObject(), testClass.getClassLoader(), selection))
                .build();
    }

    /** The most dangerous safety of the tests; a test that declares none is destructive. */
    private static Safety safety(Collection<TestIdentifier> subtree) {
        return subtree.stream()
                .filter(node -> source(node) instanceof MethodSource)
                .map(node -> node.getTags().stream().map(tag -> SAFETY_TAGS.get(tag.getName()))
                        .filter(safety -> safety != null)
                        .max((a, b) -> DANGER.indexOf(a) - DANGER.indexOf(b))
                        .orElse(Safety.DESTRUCTIVE))
                .max((a, b) -> DANGER.indexOf(a) - DANGER.indexOf(b))
                .orElse(Safety.DESTRUCTIVE);
    }

    private static boolean isTestMethod(TestPlan plan, TestIdentifier node) {
        return source(node) instanceof MethodSource
                && plan.getParent(node).map(parent -> source(parent) instanceof ClassSource).orElse(false);
    }

    private static Set<String> overloadedMethods(List<TestIdentifier> units) {
        return units.stream()
                .map(Discovery::source)
                .filter(MethodSource.class::isInstance)
                .map(source -> plainMethodId((MethodSource) source))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** {@code Class#method}, with the parameter types appended when the name alone is ambiguous. */
    private static String methodId(MethodSource method, Set<String> overloaded) {
        String plain = plainMethodId(method);
        if (!overloaded.contains(plain) || method.getMethodParameterTypes().isBlank()) {
            return plain;
        }
        return plain + "-" + Stream.of(method.getJavaMethod().getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining("-"));
    }

    private static String plainMethodId(MethodSource method) {
        return method.getClassName() + "#" + method.getMethodName();
    }

    /** Replaces what a scenario id may not contain (such as non-ASCII letters) with {@code -}. */
    private static String validId(String id) {
        return id.replaceAll("[^A-Za-z0-9._#:$/-]", "-");
    }

    private static @Nullable TestSource source(TestIdentifier node) {
        return node.getSource().orElse(null);
    }
}
