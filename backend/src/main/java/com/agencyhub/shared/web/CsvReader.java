package com.agencyhub.shared.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV files as RFC 4180 describes them and spreadsheets write them: UTF-8 with or without byte-order mark,
 * {@code ,} or {@code ;} as separator, fields quoted with {@code "} (a quote inside doubled) that may hold separators
 * and line breaks, lines ending in CRLF, LF or CR. A quote inside an unquoted field is kept as it is.
 */
public final class CsvReader {

    private static final char QUOTE = '"';
    private static final char BOM = '\uFEFF';

    private CsvReader() {
    }

    /** One record: the physical line of the file where it starts (the first line is 1) and its cells. */
    public record Record(int line, List<String> cells) {

        /** Whether every cell is empty or blank: a line spreadsheets leave behind, not a record. */
        public boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /** The file cannot be read as CSV: where (the line) and what is wrong. */
    public static final class MalformedCsvException extends RuntimeException {

        private final int line;
        private final String code;

        MalformedCsvException(int line, String message, String code) {
            super(message);
            this.line = line;
            this.code = code;
        }

        public int line() {
            return line;
        }

        public String code() {
            return code;
        }
    }

    /** The bytes as UTF-8 text without a leading byte-order mark; bytes that are no UTF-8 are refused. */
    public static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
            return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        } catch (MalformedInputException e) {
            int at = firstMalformedByte(bytes);
            throw new MalformedCsvException(lineAt(bytes, at), "is not UTF-8 (byte " + (at + 1)
                    + "); save it as \"CSV UTF-8\"", "encoding");
        } catch (CharacterCodingException e) {
            throw new MalformedCsvException(1, "is not UTF-8; save it as \"CSV UTF-8\"", "encoding");
        }
    }

    /** The separator of the file: {@code ;} if its first line has more of them than {@code ,} outside quotes. */
    public static char separator(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == QUOTE) {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    /**
     * The records of the text, at most {@code most} (then one more, so that the caller can tell there are too many).
     * A line break at the end of the text ends the last record; it does not start another one.
     */
    public static List<Record> read(String text, char separator, int most) {
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int i = 0;
        int n = text.length();
        while (i < n && records.size() <= most) {
            char c = text.charAt(i);
            if (c == QUOTE && cell.isEmpty()) {
                int start = line;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new MalformedCsvException(start, "has a quoted field that is never closed", "quote");
                    }
                    char q = text.charAt(i);
                    if (q == QUOTE && i + 1 < n && text.charAt(i + 1) == QUOTE) {
                        cell.append(QUOTE);
                        i += 2;
                    } else if (q == QUOTE) {
                        i++;
                        break;
                    } else {
                        if (q == '\n' || (q == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                            line++;
                        }
                        cell.append(q);
                        i++;
                    }
                }
                if (i < n && text.charAt(i) != separator && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                    throw new MalformedCsvException(line, "has text after the closing quote of a field", "quote");
                }
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
                i++;
            } else if (c == '\r' || c == '\n') {
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                cells.add(cell.toString());
                cell.setLength(0);
                records.add(new Record(recordLine, List.copyOf(cells)));
                cells.clear();
                line++;
                recordLine = line;
            } else {
                cell.append(c);
                i++;
            }
        }
        if (i >= n && (!cells.isEmpty() || !cell.isEmpty())) {
            cells.add(cell.toString());
            records.add(new Record(recordLine, List.copyOf(cells)));
        }
        return records;
    }

    /** The cell without the {@code '} that {@link CsvWriter} puts before a formula character. */
    public static String withoutFormulaGuard(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && CsvWriter.FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    private static int firstMalformedByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        decoder.decode(in, CharBuffer.allocate(bytes.length + 1), true);
        return in.position();
    }

    private static int lineAt(byte[] bytes, int end) {
        int line = 1;
        for (int i = 0; i < end && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
