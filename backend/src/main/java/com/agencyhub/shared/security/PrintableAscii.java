package com.agencyhub.shared.security;

import java.util.function.Predicate;

/**
 * A fast path for Spring Security's firewall: its checks of header names and values run a Unicode-class regular
 * expression over every character, which for a bearer token of over a kilobyte cost more than anything else in
 * reading a request. Text of printable ASCII (what nearly every request sends) passes all those checks, so it is
 * accepted after one plain loop; anything else still goes through the firewall's own check.
 */
final class PrintableAscii {

    private PrintableAscii() {
    }

    /** Printable ASCII, or whatever {@code strict} accepts. {@code tab}: a tab counts as printable (header values). */
    static Predicate<String> or(Predicate<String> strict, boolean tab) {
        return text -> (text != null && isPrintable(text, tab)) || strict.test(text);
    }

    static boolean isPrintable(String text, boolean tab) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 || c > 0x7e) && !(tab && c == '\t')) {
                return false;
            }
        }
        return true;
    }
}
