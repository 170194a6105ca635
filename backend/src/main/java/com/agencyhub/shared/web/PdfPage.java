package com.agencyhub.shared.web;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.awt.Color;
import java.io.IOException;
import java.util.List;

/**
 * The drawing of the reports' one-page A4 PDFs (response times, hours): lines of text, wrapped paragraphs, a row of
 * key-figure panels and small tables, in the house colours, inside the page's margins.
 */
public final class PdfPage {

    public static final float MARGIN = 50;
    public static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    public static final Color INK = new Color(0x1F, 0x29, 0x37);
    public static final Color MUTED = new Color(0x6B, 0x72, 0x80);
    private static final Color PANEL = new Color(0xF3, 0xF4, 0xF6);
    public static final Color RULE = new Color(0xD1, 0xD5, 0xDB);

    public final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    public final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDPageContentStream page;

    public PdfPage(PDPageContentStream page) {
        this.page = page;
    }

    /** A key figure and what it is. */
    public record Panel(String value, String caption) {
    }

    /**
     * Writes a line of text. The standard fonts know the characters of Western European languages (WinAnsi); any
     * other character (a brand named in another script) is written as "?" rather than failing the report.
     */
    public void text(PDFont font, float size, Color color, float x, float y, String text) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.setNonStrokingColor(color);
        page.newLineAtOffset(x, y);
        page.showText(printable(font, text == null ? "" : text));
        page.endText();
    }

    /** Writes text across the page's width, wrapped at spaces; the y of its last line. */
    public float paragraph(PDFont font, float size, Color color, float y, String text) throws IOException {
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String longer = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(printable(font, longer)) / 1000 * size > WIDTH) {
                text(font, size, color, MARGIN, y, line.toString());
                y -= size * 1.4f;
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(longer);
            }
        }
        text(font, size, color, MARGIN, y, line.toString());
        return y;
    }

    /** A row of equally wide panels, 52 points high, from {@code y} up. */
    public void panels(float y, List<Panel> panels) throws IOException {
        float gap = 10;
        float width = (WIDTH - gap * (panels.size() - 1)) / panels.size();
        for (int i = 0; i < panels.size(); i++) {
            float x = MARGIN + i * (width + gap);
            page.setNonStrokingColor(PANEL);
            page.addRect(x, y, width, 52);
            page.fill();
            text(bold, 17, INK, x + 9, y + 27, panels.get(i).value());
            text(regular, 7.5f, MUTED, x + 9, y + 11, panels.get(i).caption());
        }
    }

    /**
     * A small table: the header, a rule, the rows (the first column bold), each column at its x from the margin;
     * the y below it.
     */
    public float table(float y, String[] header, float[] columns, List<String[]> rows) throws IOException {
        for (int column = 0; column < header.length; column++) {
            text(regular, 7.5f, MUTED, MARGIN + columns[column], y, header[column]);
        }
        page.setStrokingColor(RULE);
        page.setLineWidth(0.5f);
        page.moveTo(MARGIN, y - 4);
        page.lineTo(MARGIN + WIDTH, y - 4);
        page.stroke();
        float line = y - 16;
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                text(column == 0 ? bold : regular, 9, INK, MARGIN + columns[column], line, row[column]);
            }
            line -= 13;
        }
        return line + 4;
    }

    private static String printable(PDFont font, String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            String character = new String(Character.toChars(codePoint));
            try {
                font.encode(character);
                shown.append(character);
            } catch (IOException | IllegalArgumentException e) {
                shown.append('?');
            }
        });
        return shown.toString();
    }
}
