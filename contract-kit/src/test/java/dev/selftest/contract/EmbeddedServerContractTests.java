package dev.selftest.contract;

import dev.selftest.Selftest;
import dev.selftest.server.EmbeddedServer;
import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The embedded JDK-server transport against the HTTP contract. */
class EmbeddedServerContractTests extends ControlApiContractTests {
    private static Selftest selftest;
    private static EmbeddedServer server;

    @BeforeAll
    static void start() {
        selftest = ContractFixture.selftest();
        server = EmbeddedServer.start(selftest, new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterAll
    static void stop() {
        server.close();
        selftest.close();
    }

    @Override
    protected URI baseUri() {
        return server.baseUri();
    }
}
