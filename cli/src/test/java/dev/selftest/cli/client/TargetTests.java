package dev.selftest.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TargetTests {

    @Test
    void aUrlWithoutAPathGetsTheDefaultBasePath() {
        assertThat(Target.parse("http://orders-1.internal:8080").base())
                .isEqualTo(URI.create("http://orders-1.internal:8080/selftest"));
        assertThat(Target.parse("http://orders-1.internal:8080/").base())
                .isEqualTo(URI.create("http://orders-1.internal:8080/selftest"));
    }

    @Test
    void anExplicitBasePathIsKeptWithoutItsTrailingSlash() {
        Target target = Target.parse("https://orders.example.com/ops/selftest/");
        assertThat(target.base()).isEqualTo(URI.create("https://orders.example.com/ops/selftest"));
        assertThat(target.resolve("/runs")).isEqualTo(URI.create("https://orders.example.com/ops/selftest/runs"));
        assertThat(target.link("/ops/selftest/runs/1"))
                .isEqualTo(URI.create("https://orders.example.com/ops/selftest/runs/1"));
    }

    @Test
    void theLabelIsHostAndPortAndTheKeyFitsFileNames() {
        Target target = Target.parse("http://10.1.2.3:8080/selftest");
        assertThat(target.label()).isEqualTo("10.1.2.3:8080");
        assertThat(target.key()).isEqualTo("10_1_2_3_8080");
        assertThat(Target.parse("https://orders.example.com/selftest").label()).isEqualTo("orders.example.com");
    }

    @Test
    void onlyHttpUrlsAreAccepted() {
        assertThatThrownBy(() -> Target.parse("ftp://orders/selftest"))
                .hasMessageContaining("is not an http(s) URL; write it like https://orders.internal:8080/selftest");
        assertThatThrownBy(() -> Target.parse("orders:8080")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Target.parse("http://exa mple")).hasMessageContaining("is not a URL");
    }
}
