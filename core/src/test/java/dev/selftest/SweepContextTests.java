package dev.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SweepContextTests {

    @Test
    void testDataOfFinishedRunsIsLeftoverAndOfRunningRunsIsNot() {
        SweepContext context = new SweepContext(() -> Set.of("20261123-101500-aaaaaa"));
        assertThat(context.isLeftover("selftest-20261123-090000-bbbbbb-customer-1")).isTrue();
        assertThat(context.isLeftover("selftest-20261123-101500-aaaaaa-customer-1")).isFalse();
        assertThat(context.isLeftover("Ada Lovelace")).as("real data is never a leftover").isFalse();
    }

    @Test
    void aRunThatStartsDuringTheSweepKeepsItsData() {
        Set<String> running = new HashSet<>();
        SweepContext context = new SweepContext(() -> running);
        String created = "selftest-20261123-101500-aaaaaa-customer-1";
        assertThat(context.isLeftover(created)).isTrue();

        running.add("20261123-101500-aaaaaa");

        assertThat(context.isLeftover(created)).isFalse();
        assertThat(context.runningRunIds()).containsExactly("20261123-101500-aaaaaa");
    }
}
