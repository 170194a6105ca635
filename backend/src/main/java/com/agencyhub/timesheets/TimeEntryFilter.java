package com.agencyhub.timesheets;

import com.agencyhub.pricing.ActivityId;
import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

import java.time.LocalDate;

/** What a list of time entries is narrowed to; null parts do not narrow. Dates are work dates, both inclusive. */
public record TimeEntryFilter(UserId member, BrandId brand, ActivityId activity, Boolean billable, LocalDate from,
                              LocalDate to) {

    TimeEntryFilter ofMember(UserId only) {
        return new TimeEntryFilter(only, brand, activity, billable, from, to);
    }
}
