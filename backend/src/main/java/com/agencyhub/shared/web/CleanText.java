package com.agencyhub.shared.web;

/** Text PostgreSQL can store as sent: no NUL characters (text cannot hold them) and no unpaired surrogates. */
public final class CleanText {

    public static final String RULE = "must not contain NUL characters or unpaired surrogates";

    private CleanText() {
    }

    public static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
