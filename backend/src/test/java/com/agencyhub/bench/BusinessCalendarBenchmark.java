package com.agencyhub.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmark {@link BusinessCalendarThroughput} (in a forked JVM) and prints JMH's table; asserts
 * nothing. It lives apart from the benchmark because JMH generates subclasses of that one, which would inherit a
 * test method. Run:
 * {@code ./mvnw -q -pl backend -am test -Dtest=BusinessCalendarBenchmark -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class BusinessCalendarBenchmark {

    @Test
    void throughput() throws RunnerException {
        new Runner(new OptionsBuilder().include(BusinessCalendarThroughput.class.getName()).build()).run();
    }
}
