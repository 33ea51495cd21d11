package dev.selftest.spring;

import dev.selftest.Selftest;
import dev.selftest.api.ControlApi;
import dev.selftest.spring.internal.ControlApiServlet;
import org.apiguardian.api.API;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Serves the control API on the application's servlet container under {@code selftest.base-path}: a small servlet
 * that hands every request to core's one {@link ControlApi} handler, so status codes, headers and problem responses
 * are exactly those of every other transport. Callers are resolved by the {@link SelftestCallerResolver} bean when
 * there is one (Spring Security's, by default), otherwise the bearer-token rules apply.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@AutoConfiguration(after = SelftestAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {"jakarta.servlet.http.HttpServlet",
        "org.springframework.boot.web.servlet.ServletRegistrationBean"})
@ConditionalOnBean(Selftest.class)
public final class SelftestWebAutoConfiguration {
    /** The name of the servlet registration, for applications that replace it. */
    public static final String SERVLET = "selftestControlApiServlet";

    @Bean(SERVLET)
    @ConditionalOnMissingBean(name = SERVLET)
    ServletRegistrationBean<ControlApiServlet> selftestControlApiServlet(Environment environment,
                                                                        ObjectProvider<Selftest> selftest,
                                                                        ObjectProvider<SelftestCallerResolver> callers) {
        String basePath = basePath(environment);
        ControlApiServlet servlet = new ControlApiServlet(() -> selftest.getObject().controlApi(),
                () -> callers.getIfUnique(() -> request -> null));
        ServletRegistrationBean<ControlApiServlet> registration = new ServletRegistrationBean<>(servlet, basePath,
                basePath + "/*");
        registration.setName("selftest");
        return registration;
    }

    /** Where the control API is mapped: {@code selftest.base-path}, read without building the API. */
    static String basePath(Environment environment) {
        return environment.getProperty("selftest.base-path", SelftestProperties.DEFAULT_BASE_PATH);
    }
}
