package com.agencyhub.timesheets;

import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.Slugs;
import com.agencyhub.shared.UserId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Booked time with the prices resolved when it was booked. {@code start} and {@code end} are null for a date entry;
 * {@code minutes} is negative only for an adjustment taking time back; {@code adjusts} names the corrected entry of
 * an adjustment.
 */
public record TimeEntry(TimeEntryId id, UserId member, BrandId brand, ActivityId activity, LocalDate workDate,
                        Instant start, Instant end, int minutes, boolean billable, String note, TimeEntrySource source,
                        TimeEntryId adjusts, BigDecimal billRate, BigDecimal costRate, BigDecimal surchargeAmount,
                        BigDecimal billAmount, BigDecimal costAmount, int version, UserId createdBy,
                        Instant createdAt, Instant updatedAt) {

    public YearMonth month() {
        return YearMonth.from(workDate);
    }

    /** The work time as booked (an adjustment has none of its own: it corrects minutes, not a stretch). */
    public WorkTime time() {
        return start != null ? new WorkTime(start, end, null, minutes) : new WorkTime(null, null, workDate, minutes);
    }

    Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("memberId", member.toString());
        snapshot.put("brandId", brand.toString());
        snapshot.put("activityId", activity.toString());
        snapshot.put("workDate", workDate.toString());
        if (start != null) {
            snapshot.put("start", start.toString());
            snapshot.put("end", end.toString());
        }
        snapshot.put("minutes", minutes);
        snapshot.put("billable", billable);
        snapshot.put("source", Slugs.of(source));
        if (adjusts != null) {
            snapshot.put("adjustsEntryId", adjusts.toString());
        }
        snapshot.put("billAmount", billAmount.toPlainString());
        snapshot.put("costAmount", costAmount.toPlainString());
        return snapshot;
    }
}
