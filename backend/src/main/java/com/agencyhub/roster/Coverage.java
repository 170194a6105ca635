package com.agencyhub.roster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How well a resolved timeline covers its required windows: required time in total, the part with someone on duty,
 * the part in gaps (no shift) and empty shifts (everyone away), and every gap or empty segment.
 */
public record Coverage(Duration required, Duration covered, Duration gap, Duration empty, List<Problem> problems) {

    /** A gap or empty shift; {@code required} says whether it lies in a required window. */
    public record Problem(Instant start, Instant end, Segment.Status reason, boolean required) {
    }

    public Coverage {
        problems = List.copyOf(problems);
    }

    public static Coverage of(List<Segment> segments) {
        Duration required = Duration.ZERO;
        Duration covered = Duration.ZERO;
        Duration gap = Duration.ZERO;
        Duration empty = Duration.ZERO;
        List<Problem> problems = new ArrayList<>();
        for (Segment segment : segments) {
            if (segment.status() == Segment.Status.GAP || segment.status() == Segment.Status.EMPTY) {
                problems.add(new Problem(segment.start(), segment.end(), segment.status(), segment.required()));
            }
            if (!segment.required()) {
                continue;
            }
            required = required.plus(segment.duration());
            switch (segment.status()) {
                case ON_DUTY -> covered = covered.plus(segment.duration());
                case GAP -> gap = gap.plus(segment.duration());
                case EMPTY -> empty = empty.plus(segment.duration());
                case OFF -> throw new IllegalStateException("a required segment cannot be off: " + segment);
            }
        }
        return new Coverage(required, covered, gap, empty, problems);
    }

    /** Whether someone is on duty all the required time. */
    public boolean fullyCovered() {
        return covered.equals(required);
    }

    /** The share of required time with someone on duty, 0–100; 100 when nothing is required. */
    public double percentCovered() {
        return required.isZero() ? 100.0 : 100.0 * covered.toNanos() / required.toNanos();
    }
}
