package dev.selftest.internal.run;

import dev.selftest.Run;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The most recent runs, newest first, bounded: beyond its capacity the oldest finished run is forgotten (running
 * runs are never dropped).
 */
final class RunHistory {
    private final int capacity;
    private final LinkedHashMap<String, RunState> runs = new LinkedHashMap<>();

    RunHistory(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(RunState run) {
        runs.put(run.id(), run);
        Iterator<RunState> oldestFirst = runs.values().iterator();
        while (runs.size() > capacity && oldestFirst.hasNext()) {
            if (oldestFirst.next().isFinished()) {
                oldestFirst.remove();
            }
        }
    }

    synchronized Optional<RunState> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    synchronized Set<String> runningIds() {
        return runs.values().stream().filter(run -> !run.isFinished()).map(RunState::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    synchronized List<RunState> running() {
        return runs.values().stream().filter(run -> !run.isFinished()).toList();
    }

    /** Snapshots, newest first. */
    List<Run> list() {
        List<RunState> states;
        synchronized (this) {
            states = new ArrayList<>(runs.values());
        }
        List<Run> snapshots = new ArrayList<>(states.size());
        for (int i = states.size() - 1; i >= 0; i--) {
            snapshots.add(states.get(i).snapshot());
        }
        return snapshots;
    }
}
