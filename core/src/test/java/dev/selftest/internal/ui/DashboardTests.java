package dev.selftest.internal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selftest.api.ApiResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The dashboard's files as the handler serves them; the page itself is tested in a browser (dashboard-tests). */
class DashboardTests {
    private final Dashboard dashboard = new Dashboard();

    @Test
    void pageIsWrittenForTheBasePathItIsServedUnder() throws IOException {
        String html = dashboard.answer("/ops/selftest", "").orElseThrow().bodyText();

        assertThat(html).contains("data-base=\"/ops/selftest\"", "src=\"/ops/selftest/ui/dashboard.js\"")
                .doesNotContain("{{base}}");
    }

    @Test
    void basePathIsEscapedSoATransportCannotInjectMarkup() throws IOException {
        String html = dashboard.answer("/x\"><script>alert(1)</script>", "").orElseThrow().bodyText();

        assertThat(html).contains("data-base=\"/x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"")
                .doesNotContain("<script>alert(1)");
    }

    @Test
    void everyFileCarriesTheContentSecurityPolicy() {
        for (String name : new String[] {"", "dashboard.js", "dom.js", "charts.js", "data.js", "run-detail.js",
                "dashboard.css", "favicon.svg"}) {
            ApiResponse response = dashboard.answer("/selftest", name).orElseThrow();
            assertThat(response.status()).as(name).isEqualTo(200);
            assertThat(response.header("Content-Security-Policy")).as(name)
                    .isEqualTo(Dashboard.CONTENT_SECURITY_POLICY);
            assertThat(response.header("X-Content-Type-Options")).as(name).isEqualTo("nosniff");
        }
    }

    @Test
    void onlyTheKnownFilesAreServed() {
        for (String name : new String[] {"index.html", "../selftest-version.properties", "/", "DASHBOARD.JS",
                "dashboard.js.map"}) {
            assertThat(dashboard.answer("/selftest", name)).as(name).isEmpty();
        }
    }
}
