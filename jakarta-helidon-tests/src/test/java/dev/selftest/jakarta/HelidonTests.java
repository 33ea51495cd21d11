package dev.selftest.jakarta;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.enterprise.inject.spi.CDI;
import java.net.URI;

/**
 * The contract on Helidon MP (Weld and Jersey), booted by {@code @HelidonTest} on a free port and configured by
 * {@code META-INF/microprofile-config.properties}.
 */
@HelidonTest
class HelidonTests extends ControlApiContractTests {

    @Override
    protected URI root() {
        int port = CDI.current().getBeanManager().getExtension(ServerCdiExtension.class).port();
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    protected String healthPath() {
        return "/health";
    }

    /** Helidon MP 4 ignores flush() on a Jakarta REST output stream (helidon-io/helidon#9183). */
    @Override
    protected boolean sendsFlushedWritesAtOnce() {
        return false;
    }
}
