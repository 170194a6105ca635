package com.agencyhub.pricing;

/** A partial change of an activity: null leaves a property as it is. */
public record ActivityChanges(String name, Integer position, Boolean archived) {
}
