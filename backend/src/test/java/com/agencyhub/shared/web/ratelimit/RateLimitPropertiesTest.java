package com.agencyhub.shared.web.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A limit configured only in part stops the start with a message, instead of failing every request later. */
class RateLimitPropertiesTest {

    @Test
    void aLimitNeedsBothCapacityAndPeriod() {
        assertThatThrownBy(() -> bind(Map.of("agencyhub.rate-limits.caller.capacity", "600")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("positive period");
        assertThatThrownBy(() -> bind(Map.of("agencyhub.rate-limits.caller.period", "1m")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("at least 1");
    }

    @Test
    void unsetLimitsKeepTheirDefaults() {
        RateLimitProperties limits = bind(Map.of("agencyhub.rate-limits.caller.capacity", "100",
                "agencyhub.rate-limits.caller.period", "10s"));
        assertThat(limits.caller()).isEqualTo(new RateLimitProperties.Limit(100, Duration.ofSeconds(10)));
        assertThat(limits.agency()).isEqualTo(new RateLimitProperties.Limit(6000, Duration.ofMinutes(1)));
    }

    private static RateLimitProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("agencyhub.rate-limits", RateLimitProperties.class);
    }
}
