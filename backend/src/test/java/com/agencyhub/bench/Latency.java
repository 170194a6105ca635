package com.agencyhub.bench;

import java.util.Arrays;

/** Latency of a request as the benchmarks report it. */
final class Latency {

    private Latency() {
    }

    /** Runs {@code request} {@code warmUp} times untimed, then {@code samples} times timed: p50, p95 and p99 in ms. */
    static double[] percentiles(int warmUp, int samples, Runnable request) {
        for (int i = 0; i < warmUp; i++) {
            request.run();
        }
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            request.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new double[]{nanos[samples / 2] / 1e6, nanos[(int) (samples * 0.95)] / 1e6,
                nanos[(int) (samples * 0.99)] / 1e6};
    }
}
