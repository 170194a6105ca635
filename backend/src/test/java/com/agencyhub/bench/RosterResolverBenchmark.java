package com.agencyhub.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmark {@link RosterResolverThroughput} (in a forked JVM) and prints JMH's table; asserts nothing.
 * Run: {@code ./mvnw -q -pl backend -am test -Dtest=RosterResolverBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class RosterResolverBenchmark {

    @Test
    void resolveAndCheckCoverage() throws RunnerException {
        new Runner(new OptionsBuilder().include(RosterResolverThroughput.class.getName()).build()).run();
    }
}
