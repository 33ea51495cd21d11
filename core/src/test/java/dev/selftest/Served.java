package dev.selftest;

import dev.selftest.server.EmbeddedServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A {@link Selftest} served by an {@link EmbeddedServer} on a free loopback port, with a client for it. */
record Served(Selftest selftest, EmbeddedServer server, ControlApiClient client) implements AutoCloseable {

    static Served start(Selftest selftest, String token) {
        EmbeddedServer server = EmbeddedServer.start(selftest,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new Served(selftest, server, new ControlApiClient(server.baseUri(), token));
    }

    @Override
    public void close() {
        server.close();
        selftest.close();
    }
}
