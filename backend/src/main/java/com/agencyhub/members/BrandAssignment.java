package com.agencyhub.members;

import com.agencyhub.shared.UserId;

/** A staff member in a brand's team; {@code displayName} is filled in when read. */
public record BrandAssignment(UserId member, String displayName, Responsibility responsibility) {
}
