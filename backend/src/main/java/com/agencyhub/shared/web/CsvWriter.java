package com.agencyhub.shared.web;

import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV rows as RFC 4180 describes them: CRLF line ends, a field quoted when it holds the separator, a quote or a
 * line break (a quote inside doubled). A field that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or
 * a carriage return gets a leading {@code '}, so that a spreadsheet shows it instead of running it as a formula (CSV
 * injection, OWASP); {@link CsvReader#withoutFormulaGuard} takes it off again.
 */
public final class CsvWriter {

    /** What the exports answer: CSV in UTF-8. */
    public static final MediaType MEDIA_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** The byte-order mark that makes Excel read a file as UTF-8. */
    public static final String BOM = "\uFEFF";

    static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvWriter() {
    }

    /** One row, CRLF at its end. */
    public static String row(List<String> cells, char separator) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                row.append(separator);
            }
            row.append(field(cells.get(i), separator));
        }
        return row.append("\r\n").toString();
    }

    private static String field(String value, char separator) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quoted = text.indexOf(separator) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
