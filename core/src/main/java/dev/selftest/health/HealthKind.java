package dev.selftest.health;

import org.apiguardian.api.API;

/** The three kinds of MicroProfile Health checks, each with its own endpoint below {@code /selftest/health}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum HealthKind {
    /** Is the process alive? DOWN makes Kubernetes restart the pod; never tied to scenario results. */
    LIVENESS("live"),
    /** May the instance take traffic? DOWN takes it out of the load balancer. */
    READINESS("ready"),
    /** Has the application finished starting? Kubernetes waits for it before probing liveness. */
    STARTUP("started");

    private final String path;

    HealthKind(String path) {
        this.path = path;
    }

    /** The path segment of its endpoint: {@code live}, {@code ready} or {@code started}. */
    public String path() {
        return path;
    }
}
