package com.agencyhub.pricing;

import com.agencyhub.shared.BrandId;
import com.agencyhub.shared.UserId;

/** Where a rate row applies: each dimension null (any) or set; all null is the agency default. */
public record RateDimensions(BrandId brand, ActivityId activity, UserId member) {
}
