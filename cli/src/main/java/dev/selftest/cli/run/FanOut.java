package dev.selftest.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.selftest.cli.client.CliException;
import dev.selftest.cli.client.ControlClient;
import dev.selftest.cli.client.Deadline;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apiguardian.api.API;

/** Runs the same selection on every instance at once and collects how each ended, in the order given. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class FanOut {
    private static final int MAX_THREADS = 64;

    private FanOut() {
    }

    public static List<InstanceResult> run(List<ControlClient> clients, JsonNode selection, Progress progress,
                                           Deadline deadline, ObjectMapper json) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(clients.size(), MAX_THREADS), task -> {
            Thread thread = new Thread(task, "selftest-instance");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<InstanceResult>> futures = new ArrayList<>();
            for (ControlClient client : clients) {
                futures.add(pool.submit(() -> {
                    InstanceResult result = new InstanceRun(client, selection, progress, deadline, json).call();
                    progress.finished(result);
                    return result;
                }));
            }
            List<InstanceResult> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                results.add(await(futures.get(i), clients.get(i)));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static InstanceResult await(Future<InstanceResult> future, ControlClient client) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return InstanceResult.error(client.target(), null, "the CLI failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
    }
}
