package com.agencyhub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AgencyHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(AgencyHubApplication.class, args);
    }
}
