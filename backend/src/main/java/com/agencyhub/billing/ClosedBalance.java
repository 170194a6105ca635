package com.agencyhub.billing;

import com.agencyhub.shared.BrandId;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.UUID;

/** A brand's balance of a closed month under its contract, kept when the month was closed: final from then on. */
public record ClosedBalance(BrandId brand, YearMonth month, UUID contractId, long billableMinutes,
                            BigDecimal carriedOutMinutes) {
}
