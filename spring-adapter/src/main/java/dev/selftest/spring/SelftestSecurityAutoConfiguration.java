package dev.selftest.spring;

import dev.selftest.Selftest;
import dev.selftest.spring.internal.SpringSecurityCallerResolver;
import org.apiguardian.api.API;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Spring Security for the control API. Callers Spring Security authenticated may read; those with
 * {@code selftest.security.operate-role} may also operate; everyone else falls back to the bearer-token rules, so
 * with no token configured the API stays closed to them.
 *
 * <p>Unless {@code selftest.security.filter-chain=false}, a filter chain for the base path is added ahead of the
 * application's own: it authenticates HTTP Basic credentials on each request (no session, so a browser's login
 * cookie can never start a run) and lets every request reach Selftest, which decides access itself. It is added
 * after Spring Boot's default chain was decided, so it never replaces the security of the rest of the application.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@AutoConfiguration(after = SelftestAutoConfiguration.class, before = SelftestWebAutoConfiguration.class,
        afterName = {
                "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
                "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
@ConditionalOnBean(Selftest.class)
public final class SelftestSecurityAutoConfiguration {
    /** The name of Selftest's filter chain, for applications that replace it. */
    public static final String FILTER_CHAIN = "selftestSecurityFilterChain";

    @Bean
    @ConditionalOnMissingBean
    SelftestCallerResolver selftestCallerResolver(Environment environment) {
        SelftestProperties.Security security = Binder.get(environment)
                .bindOrCreate("selftest.security", SelftestProperties.Security.class);
        return new SpringSecurityCallerResolver("ROLE_" + security.operateRole());
    }

    /** The filter chain for the base path, when Spring Security's web configuration is in use. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.security.config.annotation.web.builders.HttpSecurity",
            "org.springframework.security.web.SecurityFilterChain"})
    @ConditionalOnBean(HttpSecurity.class)
    @ConditionalOnBooleanProperty(name = "selftest.security.filter-chain", matchIfMissing = true)
    static final class FilterChainConfiguration {

        @Bean(FILTER_CHAIN)
        @ConditionalOnMissingBean(name = FILTER_CHAIN)
        @Order(SecurityFilterProperties.BASIC_AUTH_ORDER - 10)
        SecurityFilterChain selftestSecurityFilterChain(HttpSecurity http, Environment environment) throws Exception {
            String base = SelftestWebAutoConfiguration.basePath(environment);
            return http.securityMatcher(base, base + "/**")
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .httpBasic(basic -> { })
                    .csrf(csrf -> csrf.disable())
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .securityContext(context -> context
                            .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                    .requestCache(cache -> cache.disable())
                    .build();
        }
    }
}
