package com.agencyhub.shared.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import java.util.Random;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall's fast path decides exactly as the firewall's own checks, only sooner. */
class PrintableAsciiTest {

    /** Characters around every boundary that matters: controls, tab, DEL, Latin-1 controls, unassigned, surrogates. */
    private static final char[] ALPHABET = {'a', 'Z', '0', ' ', '~', '-', '.', ':', '=', '\t', '\n', '\r', '\0', 0x1f,
            0x7f, 0x80, 0x9f, 0xa0, 'é', 'ß', '€', 0x0378, 0xfffe, 0xd83d, 0xde00, 0x2028};

    @Test
    void acceptsWhatTheFirewallAcceptsForSeededRandomText() {
        Predicate<String> names = PrintableAscii.or(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES, false);
        Predicate<String> values = PrintableAscii.or(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES, true);
        Random random = new Random(20261202);
        for (int i = 0; i < 20_000; i++) {
            String text = text(random);
            assertThat(names.test(text)).as("header name %s", text.chars().boxed().toList())
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(text));
            assertThat(values.test(text)).as("header value %s", text.chars().boxed().toList())
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text));
        }
    }

    @Test
    void aBearerTokenTakesTheFastPath() {
        assertThat(PrintableAscii.isPrintable("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln-_", false)).isTrue();
        assertThat(PrintableAscii.isPrintable("a\tb", false)).isFalse();
        assertThat(PrintableAscii.isPrintable("a\tb", true)).isTrue();
    }

    private static String text(Random random) {
        // mostly printable ASCII, with an occasional character from the edges
        char[] text = new char[random.nextInt(8)];
        for (int i = 0; i < text.length; i++) {
            text[i] = random.nextInt(4) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)]
                    : (char) (0x20 + random.nextInt(0x5f));
        }
        return new String(text);
    }
}
