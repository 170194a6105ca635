package com.agencyhub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import reactor.netty.ReactorNetty;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AgencyHubApplication {

    public static void main(String[] args) {
        oneEventLoopPerCore();
        SpringApplication.run(AgencyHubApplication.class, args);
    }

    /**
     * Reactor Netty runs at least 4 event loops for HTTP and 4 for PostgreSQL whatever the cores. On 2 cores those 8
     * threads took turns on every request: one loop per core (unless {@code -Dreactor.netty.ioWorkerCount} says
     * otherwise) cut the CPU of a brand read by a seventh (docs/scaling.md, "Event loops").
     */
    static void oneEventLoopPerCore() {
        if (System.getProperty(ReactorNetty.IO_WORKER_COUNT) == null) {
            System.setProperty(ReactorNetty.IO_WORKER_COUNT, Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
    }
}
