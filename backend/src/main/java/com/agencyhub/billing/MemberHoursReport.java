package com.agencyhub.billing;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.IntStream;

/** Tracked time against capacity per staff member in a month. */
public record MemberHoursReport(YearMonth month, int workingDays, List<MemberHours> members, Instant generatedAt) {

    private static final BigDecimal WORKING_DAYS_PER_WEEK = BigDecimal.valueOf(5);

    /** Monday to Friday in the month (public holidays differ by brand and are not taken off). */
    static int workingDays(YearMonth month) {
        return (int) IntStream.rangeClosed(1, month.lengthOfMonth())
                .mapToObj(month::atDay)
                .filter(day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY)
                .count();
    }

    /** The weekly capacity spread over the working days: weekly hours ÷ 5 × working days, exact. */
    static BigDecimal capacityHours(BigDecimal weeklyHours, int workingDays) {
        return weeklyHours.multiply(BigDecimal.valueOf(workingDays)).divide(WORKING_DAYS_PER_WEEK);
    }
}
