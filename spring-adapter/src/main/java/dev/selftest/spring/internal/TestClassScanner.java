package dev.selftest.spring.internal;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Finds JUnit Jupiter test classes in packages with Spring's own classpath scanning, which reads nested jars: JUnit's
 * package selection finds nothing inside a Spring Boot executable jar (junit-framework#1724), so the bridge is given
 * the classes this scanner found. A test class is a concrete top-level class with a method annotated (directly or
 * through a meta-annotation such as {@code @ParameterizedTest}) with {@code @Test}, {@code @TestFactory} or
 * {@code @TestTemplate}. Classes are read as bytecode, so scanning loads and initialises nothing.
 */
public final class TestClassScanner {
    private static final List<String> TEST_ANNOTATIONS = List.of("org.junit.jupiter.api.Test",
            "org.junit.jupiter.api.TestFactory", "org.junit.jupiter.api.TestTemplate");

    private final ResourceLoader resourceLoader;

    public TestClassScanner(ResourceLoader resourceLoader) {
        this.resourceLoader = resourceLoader;
    }

    /**
     * The test classes in {@code packages} and their sub-packages, sorted by name.
     *
     * @throws IllegalArgumentException naming a class that was found but cannot be loaded
     */
    public List<Class<?>> scan(List<String> packages) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.setResourceLoader(resourceLoader);
        scanner.addIncludeFilter((reader, factory) -> isTestClass(reader.getAnnotationMetadata()));
        Set<String> names = new LinkedHashSet<>();
        for (String name : packages) {
            scanner.findCandidateComponents(name).stream().map(BeanDefinition::getBeanClassName).forEach(names::add);
        }
        ClassLoader classLoader = resourceLoader.getClassLoader();
        return names.stream().sorted().<Class<?>>map(name -> load(name, classLoader))
                .sorted(Comparator.comparing(Class::getName)).toList();
    }

    private static boolean isTestClass(AnnotationMetadata metadata) {
        return TEST_ANNOTATIONS.stream().anyMatch(metadata::hasAnnotatedMethods);
    }

    private static Class<?> load(String name, ClassLoader classLoader) {
        try {
            return ClassUtils.forName(name, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("test class " + name + " was found but cannot be loaded: " + e, e);
        }
    }
}
