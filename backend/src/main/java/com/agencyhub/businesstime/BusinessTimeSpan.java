package com.agencyhub.businesstime;

import com.agencyhub.shared.calendar.TimeClass;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** An interval measured in a brand's business time, with its minutes per time class inside and outside. */
public record BusinessTimeSpan(Instant from, Instant to, Duration business, List<ClassMinutes> classes) {

    public record ClassMinutes(TimeClass timeClass, boolean businessTime, Duration duration) {
    }

    public BusinessTimeSpan {
        classes = List.copyOf(classes);
    }
}
