package com.agencyhub.timesheets;

import com.agencyhub.shared.TenantId;
import reactor.core.publisher.Mono;

import java.time.YearMonth;

/**
 * Told when an agency closes a month: {@link MonthCloses#close} calls every Spring bean implementing it inside the
 * closing transaction, after the close is written and while the month's entries are locked (so what it reads is
 * final, and a failure rolls the close back). Billing implements it to keep the month's carry-over balances.
 */
public interface MonthClosing {

    Mono<Void> closing(TenantId tenant, YearMonth month);
}
