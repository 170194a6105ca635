package com.agencyhub.contracts;

import java.math.BigDecimal;

/** Posts per week on a platform at an effort per post: a channel plan row, or extra posts in a what-if. */
public record QuotePosts(String platform, BigDecimal postsPerWeek, int effortMinutesPerPost) {
}
