package com.agencyhub.shared.calendar;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of {@link BusinessCalendar} over random calendars and instants ({@link RandomCalendars}); each repetition
 * uses its index as seed, so a failure names the case to rerun.
 */
class BusinessCalendarInvariantsTest {

    private static final int CASES = 300;

    @RepeatedTest(CASES)
    void betweenAStartAndItsSumIsTheAmountAdded(RepetitionInfo repetition) {
        RandomCalendars random = new RandomCalendars(repetition.getCurrentRepetition());
        Instant start = random.instant();
        Duration amount = random.amount();
        Instant end = random.calendar.add(start, amount);
        assertThat(random.calendar.between(start, end)).as("%s from %s plus %s", random, start, amount).isEqualTo(amount);
    }

    @RepeatedTest(CASES)
    void addingNothingLandsInBusinessTimeAtTheInstantOrTheNextStart(RepetitionInfo repetition) {
        RandomCalendars random = new RandomCalendars(repetition.getCurrentRepetition());
        Instant start = random.instant();
        Instant landed = random.calendar.add(start, Duration.ZERO);
        Instant expected = random.calendar.isBusinessTime(start) ? start : random.calendar.nextWindowStart(start).orElseThrow();
        assertThat(landed).as("%s from %s", random, start).isEqualTo(expected);
        assertThat(random.calendar.isBusinessTime(landed)).as("%s at %s", random, landed).isTrue();
    }

    @RepeatedTest(CASES)
    void betweenAddsUpOverNeighbouringIntervals(RepetitionInfo repetition) {
        RandomCalendars random = new RandomCalendars(repetition.getCurrentRepetition());
        List<Instant> sorted = Stream.generate(random::instant).limit(3).sorted().toList();
        Instant a = sorted.get(0);
        Instant b = sorted.get(1);
        Instant c = sorted.get(2);
        BusinessCalendar calendar = random.calendar;
        assertThat(calendar.between(a, b).plus(calendar.between(b, c))).as("%s over %s", random, sorted)
                .isEqualTo(calendar.between(a, c));
    }

    @RepeatedTest(CASES)
    void theSlicesCoverTheIntervalAndTheirBusinessPartIsBetween(RepetitionInfo repetition) {
        RandomCalendars random = new RandomCalendars(repetition.getCurrentRepetition());
        Instant from = random.instant();
        Instant to = from.plus(random.amount()).plusSeconds(1);
        List<TimeSlice> slices = random.calendar.split(from, to);
        String described = random + " from " + from + " to " + to + ": " + slices;

        assertThat(slices).as(described).isNotEmpty();
        assertThat(slices.get(0).start()).as(described).isEqualTo(from);
        assertThat(slices.get(slices.size() - 1).end()).as(described).isEqualTo(to);
        for (int i = 0; i < slices.size(); i++) {
            TimeSlice slice = slices.get(i);
            assertThat(slice.end()).as(described).isAfter(slice.start());
            assertThat(random.calendar.isBusinessTime(slice.start())).as(described).isEqualTo(slice.businessTime());
            if (i > 0) {
                TimeSlice before = slices.get(i - 1);
                assertThat(slice.start()).as(described).isEqualTo(before.end());
                assertThat(slice.businessTime() != before.businessTime() || slice.timeClass() != before.timeClass())
                        .as(described).isTrue();
            }
        }
        Duration inside = slices.stream().filter(TimeSlice::businessTime).map(TimeSlice::duration)
                .reduce(Duration.ZERO, Duration::plus);
        assertThat(inside).as(described).isEqualTo(random.calendar.between(from, to));
    }

    @RepeatedTest(CASES)
    void theNextWindowStartOpensBusinessTimeAfterAMomentWithout(RepetitionInfo repetition) {
        RandomCalendars random = new RandomCalendars(repetition.getCurrentRepetition());
        Instant instant = random.instant();
        Instant start = random.calendar.nextWindowStart(instant).orElseThrow();
        assertThat(start).as("%s from %s", random, instant).isAfterOrEqualTo(instant);
        assertThat(random.calendar.isBusinessTime(start)).as("%s at %s", random, start).isTrue();
        assertThat(random.calendar.isBusinessTime(start.minusNanos(1))).as("%s before %s", random, start).isFalse();
    }
}
