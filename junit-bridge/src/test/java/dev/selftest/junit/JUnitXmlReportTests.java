package dev.selftest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.selftest.Selftest;
import dev.selftest.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A bridged test's failure travels through a real run over HTTP into the JUnit XML a pipeline reads. */
class JUnitXmlReportTests {
    private static final String TOKEN = "bridge-test-token";
    private static final String CHECK = "dev.selftest.junit.fixtures.outcomes.OutcomeChecks#failsAnAssertion";

    @Test
    void failingAssertionMessageReachesTheJUnitXmlReport() throws Exception {
        try (Selftest selftest = Selftest.builder().token(TOKEN).scenarios(JUnitScenarios.builder()
                        .packages("dev.selftest.junit.fixtures.outcomes").granularity(Granularity.METHOD).discover())
                .build();
             EmbeddedServer server = EmbeddedServer.start(selftest,
                     new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> started = http.send(authorized(server.baseUri().resolve("selftest/runs?wait=30s"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"scenarios\": [\"" + CHECK + "\"]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            String location = started.headers().firstValue("Location").orElseThrow();

            HttpResponse<byte[]> report = http.send(authorized(server.baseUri().resolve(location + "/junit.xml"))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(report.statusCode()).isEqualTo(200);
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(report.body()));
            Element testcase = (Element) xml.getElementsByTagName("testcase").item(0);
            assertThat(testcase.getAttribute("name")).isEqualTo(CHECK);
            Element failure = (Element) testcase.getElementsByTagName("failure").item(0);
            assertThat(failure.getAttribute("message"))
                    .isEqualTo("failsAnAssertion(): products listed ==> expected: <3> but was: <2>");
            assertThat(testcase.getElementsByTagName("system-out").item(0).getTextContent())
                    .contains("step failsAnAssertion(): FAILED");
        }
    }

    private static HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + TOKEN);
    }
}
