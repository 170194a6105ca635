package com.agencyhub.guidelines;

/** One section of the guidelines; {@code body} is Markdown. */
public record GuidelineSection(Kind kind, String title, String body) {

    public enum Kind {
        TONE_OF_VOICE, DO_AND_DONT, WORDING, ESCALATION_RULES, OTHER
    }
}
