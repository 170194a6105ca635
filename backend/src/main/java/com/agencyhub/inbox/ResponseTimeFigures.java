package com.agencyhub.inbox;

/**
 * The figures of a set of interactions received in a report's period (docs/response-time-reports.md): how many, and
 * per clock how many were done, within or past their target, still running, and how long the done ones took.
 */
public record ResponseTimeFigures(long received, Clock firstResponse, Clock resolution) {

    /** The figures of no items. */
    public static ResponseTimeFigures none() {
        Durations nothing = new Durations(null, null, null);
        Clock idle = new Clock(0, 0, 0, 0, 0, 0, nothing, nothing);
        return new ResponseTimeFigures(0, idle, idle);
    }

    /**
     * One clock over the received items, as of the report's instant. {@code withinTarget + missedTarget + notYetDue +
     * withoutTarget} is every received item; {@code completed + open} too.
     */
    public record Clock(long completed, long open, long withinTarget, long missedTarget, long notYetDue,
                        long withoutTarget, Durations businessMinutes, Durations calendarMinutes) {

        /** Within target of those whose outcome is known, in percent with one decimal; null when none is. */
        public Double percentWithinTarget() {
            long decided = withinTarget + missedTarget;
            return decided == 0 ? null : Math.round(1000.0 * withinTarget / decided) / 10.0;
        }
    }

    /** Median, 90th percentile and mean in minutes, one decimal; nulls when no item is done. */
    public record Durations(Double median, Double p90, Double mean) {

        /** From seconds as the database computed them (null stays null). */
        public static Durations ofSeconds(Number median, Number p90, Number mean) {
            return new Durations(minutes(median), minutes(p90), minutes(mean));
        }

        private static Double minutes(Number seconds) {
            return seconds == null ? null : Math.round(seconds.doubleValue() / 6.0) / 10.0;
        }
    }
}
