package dev.selftest.spring;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

class SelftestWebAutoConfigurationTests {
    private static final AutoConfigurations SELFTEST = AutoConfigurations.of(SelftestAutoConfiguration.class,
            SelftestSecurityAutoConfiguration.class, SelftestWebAutoConfiguration.class);

    /** Spring Security hidden, as in an application without it. */
    private static final String SECURITY = "org.springframework.security";

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(SELFTEST)
            .withClassLoader(new FilteredClassLoader(SECURITY));

    @Test
    void servletIsMappedToTheBasePathAndBelow() {
        web.run(context -> assertThat(registration(context).getUrlMappings())
                .containsExactly("/selftest", "/selftest/*"));
    }

    @Test
    void basePathPropertyMovesTheServlet() {
        web.withPropertyValues("selftest.base-path=/ops/selftest").run(context -> assertThat(
                registration(context).getUrlMappings()).containsExactly("/ops/selftest", "/ops/selftest/*"));
    }

    @Test
    void enabledFalseRegistersNoServlet() {
        web.withPropertyValues("selftest.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(SelftestWebAutoConfiguration.SERVLET));
    }

    @Test
    void applicationsOwnRegistrationWins() {
        web.withBean(SelftestWebAutoConfiguration.SERVLET, ServletRegistrationBean.class,
                        () -> new ServletRegistrationBean<>(new HttpServlet() { }, "/elsewhere"))
                .run(context -> assertThat(registration(context).getUrlMappings()).containsExactly("/elsewhere"));
    }

    @Test
    void nonWebApplicationGetsNoServlet() {
        new ApplicationContextRunner().withConfiguration(SELFTEST).run(context -> assertThat(context)
                .hasBean("selftest").doesNotHaveBean(SelftestWebAutoConfiguration.SERVLET));
    }

    @Test
    void withoutTheServletApiNoServletIsRegistered() {
        web.withClassLoader(new FilteredClassLoader(HttpServlet.class.getPackageName(), SECURITY))
                .run(context -> assertThat(context).hasBean("selftest")
                        .doesNotHaveBean(SelftestWebAutoConfiguration.SERVLET));
    }

    @Test
    void withoutSpringSecurityNoCallerResolverIsRegistered() {
        web.run(context -> assertThat(context).doesNotHaveBean(SelftestCallerResolver.class));
    }

    private static ServletRegistrationBean<?> registration(
            org.springframework.context.ApplicationContext context) {
        return context.getBean(SelftestWebAutoConfiguration.SERVLET, ServletRegistrationBean.class);
    }
}
