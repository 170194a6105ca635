package com.agencyhub.billing.web;

import com.agencyhub.billing.ActivityHours;
import com.agencyhub.billing.BrandHoursReport;
import com.agencyhub.billing.Hours;
import com.agencyhub.shared.web.PdfPage;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static com.agencyhub.shared.web.PdfPage.INK;
import static com.agencyhub.shared.web.PdfPage.MARGIN;
import static com.agencyhub.shared.web.PdfPage.MUTED;

/**
 * A brand's hours report as a one-page A4 PDF that a client can be sent: the month and whether it is closed, the key
 * figures, the activities, carry-over and overage. It names no staff and shows no bill amounts.
 */
final class HoursReportPdf {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MADE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH);
    private static final String[] HEADER = {"", "planned", "tracked", "billable", "not billable"};
    private static final float[] COLUMNS = {0, 220, 290, 360, 430};
    /** Activities shown; the rest are in the CSV export. */
    private static final int ACTIVITY_ROWS = 20;

    private HoursReportPdf() {
    }

    static byte[] pdf(BrandHoursReport report) {
        try (PDDocument document = new PDDocument()) {
            PDPage sheet = new PDPage(PDRectangle.A4);
            document.addPage(sheet);
            document.getDocumentInformation().setTitle("Hours of " + report.brandName() + ", "
                    + MONTH.format(report.month()));
            document.getDocumentInformation().setCreator("AgencyHub");
            try (PDPageContentStream stream = new PDPageContentStream(document, sheet)) {
                draw(new PdfPage(stream), report);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void draw(PdfPage page, BrandHoursReport report) throws IOException {
        float top = PDRectangle.A4.getHeight() - MARGIN;
        page.text(page.regular, 10, MUTED, MARGIN, top - 10, "HOURS REPORT");
        page.text(page.bold, 22, INK, MARGIN, top - 36, report.brandName());
        page.text(page.regular, 11, INK, MARGIN, top - 54, MONTH.format(report.month())
                + (report.closed() == null ? "  (open: figures may still change)" : "  (closed on "
                + MADE.format(report.closed().closedAt().atOffset(ZoneOffset.UTC)) + ")"));
        page.text(page.regular, 8, MUTED, MARGIN, top - 67, "Made on "
                + MADE.format(report.generatedAt().atOffset(ZoneOffset.UTC)) + ". Amounts in " + report.currency()
                + ".");
        page.panels(top - 140, List.of(
                new PdfPage.Panel(hours(report.availableHours()), "hours available"),
                new PdfPage.Panel(hours(report.billableHours()), "billable hours tracked"),
                new PdfPage.Panel(report.utilisationPercent() == null ? "\u2013"
                        : report.utilisationPercent().toPlainString() + " %", "utilisation"),
                new PdfPage.Panel(report.invoiceAmount().toPlainString(), "to invoice (" + report.currency() + ")")));
        float y = top - 170;
        page.text(page.bold, 11, INK, MARGIN, y, "Activities");
        List<String[]> rows = report.activities().stream().limit(ACTIVITY_ROWS).map(HoursReportPdf::row).toList();
        y = page.table(y - 16, HEADER, COLUMNS, rows);
        if (report.activities().size() > rows.size()) {
            page.text(page.regular, 8, MUTED, MARGIN, y - 4, (report.activities().size() - rows.size())
                    + " more activities in the CSV export.");
            y -= 12;
        }
        page.text(page.bold, 11, INK, MARGIN, y - 22, "The month's account");
        page.table(y - 38, new String[]{"", "hours", "amount"}, new float[]{0, 290, 360}, List.of(
                new String[]{"planned", hours(report.plannedHours()), ""},
                new String[]{"carried in from the month before", hours(report.carriedInHours()), ""},
                new String[]{"billable hours tracked", hours(report.billableHours()), ""},
                new String[]{"overage", hours(report.overageHours()), report.overageAmount().toPlainString()},
                new String[]{"carried into the next month", hours(report.carriedOutHours()), ""},
                new String[]{"retainer", "", report.retainerAmount().toPlainString()},
                new String[]{"to invoice", "", report.invoiceAmount().toPlainString()}));
        page.paragraph(page.regular, 7, MUTED, MARGIN - 12, report.terms() == null
                ? "No contract is in force this month: the invoice is the tracked billable time at its rates."
                : "Unused hours " + (report.terms().carryOver().capHours() == null ? "lapse at the end of the month."
                : "carry into the next month, up to " + hours(report.terms().carryOver().capHours()) + " hours.")
                + " Hours beyond the available ones are billed at " + report.terms().overageRate().toPlainString()
                + " " + report.currency() + " per hour. Corrections of closed months count in the month they are"
                + " booked in.");
    }

    private static String[] row(ActivityHours line) {
        return new String[]{line.name(), hours(line.plannedHours()), hours(Hours.hours(line.tracked().minutes())),
                hours(Hours.hours(line.tracked().billableMinutes())),
                hours(Hours.hours(line.tracked().nonBillableMinutes()))};
    }

    private static String hours(BigDecimal hours) {
        return hours.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
