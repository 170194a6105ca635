package com.agencyhub.shared.calendar;

/**
 * Why a window of a {@link BusinessHours} is invalid: the list it is in ({@code windows} or
 * {@code holidayWindows}), its index there, and a message naming the window.
 */
public record WindowProblem(String list, int index, String message) {

    /** The field path, e.g. {@code windows[2]}. */
    public String field() {
        return list + "[" + index + "]";
    }

    @Override
    public String toString() {
        return field() + " " + message;
    }
}
