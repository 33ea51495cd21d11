package dev.selftest.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page and its assets over plain HTTP: public, typed, and sent with a strict Content-Security-Policy. */
class DashboardHttpTests {
    private final HttpClient http = HttpClient.newHttpClient();
    private ShopService shop;

    @BeforeEach
    void startShop() {
        shop = ShopService.start();
    }

    @AfterEach
    void stopShop() {
        shop.close();
    }

    @Test
    void pageIsPublicAndSentWithAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> page = get(shop.page(), "GET");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy.split(";\\s*")).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
                "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "require-trusted-types-for 'script'");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void pageHoldsNoInlineScriptStyleOrHandlerAndPointsAtItsOwnBasePath() throws Exception {
        String html = get(shop.page(), "GET").body();

        assertThat(html).contains("data-base=\"/selftest\"", "type=\"module\" src=\"/selftest/ui/dashboard.js\"",
                "href=\"/selftest/ui/dashboard.css\"");
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(html).doesNotContainPattern("(?i)<style|\\sstyle=|\\son[a-z]+=");
        assertThat(html).doesNotContain(ShopService.TOKEN, "http://", "https://");
    }

    @Test
    void assetsAreServedWithTheirTypesAndTheSamePolicy() throws Exception {
        for (String script : new String[] {"dashboard.js", "dom.js", "charts.js", "data.js", "run-detail.js"}) {
            assertAsset(script, "text/javascript; charset=utf-8");
        }
        assertAsset("dashboard.css", "text/css; charset=utf-8");
        assertAsset("favicon.svg", "image/svg+xml");
    }

    @Test
    void unknownAssetsAreNotFoundProblems() throws Exception {
        for (String path : new String[] {"/ui/secret.properties", "/ui/../selftest-version.properties", "/ui/a/b"}) {
            HttpResponse<String> response = get(URI.create(shop.baseUri() + path), "GET");
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        }
    }

    @Test
    void pageAnswersOnlyGetAndHead() throws Exception {
        assertThat(get(shop.page(), "HEAD").statusCode()).isEqualTo(200);
        HttpResponse<String> post = get(shop.page(), "POST");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
        assertThat(post.body()).contains("urn:selftest:problem:method-not-allowed");
    }

    @Test
    void apiStaysClosedWithoutTheToken() throws Exception {
        assertThat(get(URI.create(shop.baseUri() + "/scenarios"), "GET").statusCode()).isEqualTo(401);
    }

    private void assertAsset(String name, String type) throws IOException, InterruptedException {
        HttpResponse<String> asset = get(URI.create(shop.page() + "/" + name), "GET");
        assertThat(asset.statusCode()).as(name).isEqualTo(200);
        assertThat(asset.headers().firstValue("Content-Type")).as(name).hasValue(type);
        assertThat(asset.headers().firstValue("Content-Security-Policy")).as(name).isPresent();
        assertThat(asset.body()).as(name).isNotBlank();
    }

    private HttpResponse<String> get(URI uri, String method) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
