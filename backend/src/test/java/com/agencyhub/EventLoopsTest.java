package com.agencyhub;

import org.junit.jupiter.api.Test;
import reactor.netty.ReactorNetty;

import static org.assertj.core.api.Assertions.assertThat;

/** The backend starts one Reactor Netty event loop per core, unless told otherwise. */
class EventLoopsTest {

    @Test
    void oneLoopPerCoreUnlessConfigured() {
        String before = System.getProperty(ReactorNetty.IO_WORKER_COUNT);
        try {
            System.clearProperty(ReactorNetty.IO_WORKER_COUNT);
            AgencyHubApplication.oneEventLoopPerCore();
            assertThat(System.getProperty(ReactorNetty.IO_WORKER_COUNT))
                    .isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));

            System.setProperty(ReactorNetty.IO_WORKER_COUNT, "7");
            AgencyHubApplication.oneEventLoopPerCore();
            assertThat(System.getProperty(ReactorNetty.IO_WORKER_COUNT)).isEqualTo("7");
        } finally {
            if (before == null) {
                System.clearProperty(ReactorNetty.IO_WORKER_COUNT);
            } else {
                System.setProperty(ReactorNetty.IO_WORKER_COUNT, before);
            }
        }
    }
}
