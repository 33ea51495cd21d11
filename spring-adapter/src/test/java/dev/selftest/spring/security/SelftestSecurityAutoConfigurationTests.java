package dev.selftest.spring.security;

import dev.selftest.api.Access;
import dev.selftest.api.Caller;
import dev.selftest.spring.SelftestAutoConfiguration;
import dev.selftest.spring.SelftestCallerResolver;
import dev.selftest.spring.SelftestSecurityAutoConfiguration;
import static org.assertj.core.api.Assertions.assertThat;

import dev.selftest.spring.SelftestWebAutoConfiguration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;

@Tag("spring-security")
class SelftestSecurityAutoConfigurationTests {
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class, SelftestAutoConfiguration.class,
                    SelftestSecurityAutoConfiguration.class, SelftestWebAutoConfiguration.class));

    @AfterEach
    void clearSecurityContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void authenticatedUserMayReadAndOperatorRoleMayOperate() {
        runner.run(context -> {
            SelftestCallerResolver callers = context.getBean(SelftestCallerResolver.class);
            assertThat(callerAs(callers, "ann", "ROLE_USER").access()).containsExactly(Access.READ);
            assertThat(callerAs(callers, "ops", "ROLE_SELFTEST_OPERATOR").access())
                    .containsExactlyInAnyOrder(Access.READ, Access.OPERATE);
        });
    }

    @Test
    void operateRolePropertyChangesWhoMayOperate() {
        runner.withPropertyValues("selftest.security.operate-role=RELEASE_MANAGER").run(context -> {
            SelftestCallerResolver callers = context.getBean(SelftestCallerResolver.class);
            assertThat(callerAs(callers, "ops", "ROLE_SELFTEST_OPERATOR").may(Access.OPERATE)).isFalse();
            assertThat(callerAs(callers, "rm", "ROLE_RELEASE_MANAGER").may(Access.OPERATE)).isTrue();
        });
    }

    @Test
    void anonymousCallerIsLeftToTheTokenRules() {
        runner.run(context -> {
            SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key",
                    "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
            assertThat(context.getBean(SelftestCallerResolver.class).resolve(new MockHttpServletRequest())).isNull();
        });
    }

    @Test
    void filterChainIsAddedBesideBootsDefaultChain() {
        runner.run(context -> {
            assertThat(context).hasBean(SelftestSecurityAutoConfiguration.FILTER_CHAIN);
            assertThat(context.getBeansOfType(SecurityFilterChain.class)).hasSize(2);
        });
    }

    @Test
    void filterChainPropertyFalseLeavesSecurityToTheApplication() {
        runner.withPropertyValues("selftest.security.filter-chain=false").run(context -> {
            assertThat(context).doesNotHaveBean(SelftestSecurityAutoConfiguration.FILTER_CHAIN)
                    .hasSingleBean(SelftestCallerResolver.class);
            assertThat(context.getBeansOfType(SecurityFilterChain.class)).hasSize(1);
        });
    }

    @Test
    void applicationsOwnCallerResolverWins() {
        SelftestCallerResolver own = request -> new Caller("pipeline", java.util.Set.of(Access.READ));
        runner.withBean(SelftestCallerResolver.class, () -> own).run(context -> assertThat(
                context.getBean(SelftestCallerResolver.class)).isSameAs(own));
    }

    @Test
    void enabledFalseAddsNoSecurity() {
        runner.withPropertyValues("selftest.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(SelftestCallerResolver.class)
                .doesNotHaveBean(SelftestSecurityAutoConfiguration.FILTER_CHAIN));
    }

    private static Caller callerAs(SelftestCallerResolver callers, String name, String authority) {
        Authentication user = UsernamePasswordAuthenticationToken.authenticated(name, "n/a",
                List.of(AuthorityUtils.createAuthorityList(authority).get(0)));
        SecurityContextHolder.getContext().setAuthentication(user);
        Caller caller = callers.resolve(new MockHttpServletRequest());
        assertThat(caller).isNotNull();
        assertThat(caller.name()).isEqualTo(name);
        return caller;
    }
}
