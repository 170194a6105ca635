package com.agencyhub.calendar;

/** What a calendar feed shows: planned posts, or monitoring duty from the roster. */
public enum FeedContent {
    POSTS,
    SHIFTS
}
