package dev.selftest.jakarta;

import dev.selftest.Run;
import dev.selftest.RunListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link RunListener} bean of the test application: the adapter registers it like any other. */
@ApplicationScoped
public class FinishedRuns implements RunListener {
    private final List<Run> finished = new CopyOnWriteArrayList<>();

    @Override
    public void runFinished(Run run) {
        finished.add(run);
    }

    List<Run> all() {
        return List.copyOf(finished);
    }
}
