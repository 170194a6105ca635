package com.agencyhub.shared.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;

/**
 * Whole numbers in query and path parameters are ASCII decimal digits, nothing else: Spring's default would read
 * {@code 0x10} as 16, {@code ٣} (an Arabic-Indic digit) as 3 and {@code " "} as absent. A query parameter that is sent
 * has a value (Spring would take {@code limit=} for the default), and no NUL or lone surrogate characters.
 */
@ControllerAdvice
class StrictParameters implements WebFilter {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,10}");

    @InitBinder
    void strictWholeNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(Integer.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text == null || !DECIMAL.matcher(text).matches()) {
                    throw new IllegalArgumentException("not a decimal whole number: '" + text + "'");
                }
                setValue(Integer.valueOf(text)); // beyond the int range: NumberFormatException, a field error too
            }
        });
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        for (var parameter : exchange.getRequest().getQueryParams().entrySet()) {
            for (String value : parameter.getValue()) {
                if (value == null || value.isEmpty()) {
                    return Mono.error(ApiProblem.invalidField(parameter.getKey(), "must have a value when sent",
                            "empty"));
                }
                if (!CleanText.isClean(value)) {
                    return Mono.error(ApiProblem.invalidField(parameter.getKey(), CleanText.RULE,
                            "invalid-character"));
                }
            }
        }
        return chain.filter(exchange);
    }
}
