package com.agencyhub.inbox.web;

import com.agencyhub.inbox.ResponseTimeBreakdown;
import com.agencyhub.inbox.ResponseTimeBreaches;
import com.agencyhub.inbox.ResponseTimeFigures;
import com.agencyhub.inbox.ResponseTimeGroup;
import com.agencyhub.inbox.ResponseTimeReport;
import com.agencyhub.shared.web.PdfPage;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A brand's response-time report as a one-page A4 PDF that a client can forward: the key figures, a chart of the
 * first-response times by week, the window classes, why targets were missed and the channels. It names no staff.
 * Rendering uses AWT (headless) and blocks: callers run it off the event loop.
 */
final class ResponseTimePdf {

    static final float MARGIN = PdfPage.MARGIN;
    /** Where the chart sits on the page (PDF points from the bottom left), for the tests that look at it. */
    static final Rectangle2D CHART = new Rectangle2D.Float(MARGIN, 318, PDRectangle.A4.getWidth() - 2 * MARGIN, 200);

    private static final Color ACCENT = new Color(0x25, 0x63, 0xEB);
    private static final Color LIGHT_ACCENT = new Color(0x93, 0xC5, 0xFD);
    private static final Color GOOD = new Color(0x05, 0x96, 0x69);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MADE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH);
    private static final DateTimeFormatter WEEK_LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    /** The chart is drawn at this multiple of its size on the page, so that it stays sharp when printed. */
    private static final int CHART_SCALE = 3;

    private final ResponseTimeReport report;

    private ResponseTimePdf(ResponseTimeReport report) {
        this.report = report;
    }

    static byte[] pdf(ResponseTimeReport report) {
        return new ResponseTimePdf(report).render();
    }

    private byte[] render() {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            document.getDocumentInformation().setTitle("Response times of " + report.brandName() + ", "
                    + period());
            document.getDocumentInformation().setCreator("AgencyHub");
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                PdfPage page1 = new PdfPage(stream);
                float top = PDRectangle.A4.getHeight() - MARGIN;
                page1.text(page1.regular, 10, PdfPage.MUTED, MARGIN, top - 10, "RESPONSE TIMES");
                page1.text(page1.bold, 22, PdfPage.INK, MARGIN, top - 36, report.brandName());
                page1.text(page1.regular, 11, PdfPage.INK, MARGIN, top - 54, period() + "  (" + report.period().zone().getId()
                        + ")");
                page1.text(page1.regular, 8, PdfPage.MUTED, MARGIN, top - 67, "Made on " + MADE.format(report.generatedAt()
                        .atOffset(ZoneOffset.UTC)) + ". Items still open then count as not answered, and as missed"
                        + " once past their due time.");
                keyFigures(page1, top - 150);
                page1.text(page1.bold, 11, PdfPage.INK, MARGIN, (float) CHART.getMaxY() + 12,
                        "First response by week (business minutes)");
                BufferedImage chart = chart((int) CHART.getWidth(), (int) CHART.getHeight());
                stream.drawImage(LosslessFactory.createFromImage(document, chart), (float) CHART.getX(),
                        (float) CHART.getY(), (float) CHART.getWidth(), (float) CHART.getHeight());
                float y = windowClasses(page1, (float) CHART.getY() - 28);
                y = breaches(page1, y - 22);
                channels(page1, y - 22);
                page1.paragraph(page1.regular, 7, PdfPage.MUTED, MARGIN - 12, "Times are those of answered items, in business"
                        + " minutes: only the time inside the brand's coverage windows counts, as the SLA measures it."
                        + " Within target: answered by the due time, of the items answered or past it. Details and"
                        + " the calendar-time figures are in the CSV export.");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two rows of four panels: the first response, then the resolution and what is still open. */
    private void keyFigures(PdfPage page, float y) throws IOException {
        ResponseTimeFigures totals = report.totals().figures();
        ResponseTimeFigures.Clock first = totals.firstResponse();
        ResponseTimeFigures.Clock resolution = totals.resolution();
        page.panels(y, List.of(
                new PdfPage.Panel(String.valueOf(totals.received()), "interactions received"),
                new PdfPage.Panel(percent(first.percentWithinTarget()), "answered within target"),
                new PdfPage.Panel(minutes(first.businessMinutes().median()), "median first response"),
                new PdfPage.Panel(minutes(first.businessMinutes().p90()), "90 % answered within")));
        page.panels(y - 62, List.of(
                new PdfPage.Panel(String.valueOf(first.open()), "not answered yet"),
                new PdfPage.Panel(percent(resolution.percentWithinTarget()), "resolved within target"),
                new PdfPage.Panel(minutes(resolution.businessMinutes().median()), "median resolution"),
                new PdfPage.Panel(minutes(first.calendarMinutes().median()), "median, in calendar time")));
    }

    private float windowClasses(PdfPage page, float y) throws IOException {
        page.text(page.bold, 11, PdfPage.INK, MARGIN, y, "When items arrived");
        List<String[]> rows = report.groups(ResponseTimeBreakdown.WINDOW_CLASS).stream()
                .map(group -> row(windowClass(group.firstKey()), group.figures())).toList();
        return page.table(y - 16, HEADER, COLUMNS, rows);
    }

    private float breaches(PdfPage page, float y) throws IOException {
        ResponseTimeBreaches breaches = report.totals().breaches();
        page.text(page.bold, 11, PdfPage.INK, MARGIN, y, "Why targets were missed");
        String summary = breaches.missedTarget() == 0 ? "No first-response target was missed."
                : breaches.missedTarget() + (breaches.missedTarget() == 1 ? " first response" : " first responses")
                + " missed the target: " + breaches.uncovered() + " arrived when nobody was on duty, "
                + breaches.escalationFailed() + " escalated without reaching anyone, " + breaches.coveredButSlow()
                + " answered late although someone was on duty.";
        return page.paragraph(page.regular, 9, PdfPage.INK, y - 15, summary);
    }

    private void channels(PdfPage page, float y) throws IOException {
        page.text(page.bold, 11, PdfPage.INK, MARGIN, y, "Channels");
        List<ResponseTimeGroup> channels = report.groups(ResponseTimeBreakdown.CHANNEL);
        List<String[]> rows = channels.stream().limit(6).map(group -> row(group.firstKey(), group.figures()))
                .toList();
        float end = page.table(y - 16, HEADER, COLUMNS, rows);
        if (channels.size() > rows.size()) {
            page.text(page.regular, 8, PdfPage.MUTED, MARGIN, end - 4, (channels.size() - rows.size())
                    + " more channels in the CSV export.");
        }
    }

    private static final String[] HEADER = {"", "received", "within target", "median", "90th percentile",
            "not answered"};
    private static final float[] COLUMNS = {0, 150, 220, 300, 370, 450};

    private static String[] row(String name, ResponseTimeFigures figures) {
        ResponseTimeFigures.Clock first = figures.firstResponse();
        return new String[]{name, String.valueOf(figures.received()), percent(first.percentWithinTarget()),
                minutes(first.businessMinutes().median()), minutes(first.businessMinutes().p90()),
                String.valueOf(first.open())};
    }

    /** Median and 90th percentile bars per week, the share within target as a line on its own axis. */
    private BufferedImage chart(int width, int height) {
        DefaultCategoryDataset times = new DefaultCategoryDataset();
        DefaultCategoryDataset share = new DefaultCategoryDataset();
        for (ResponseTimeGroup week : report.groups(ResponseTimeBreakdown.WEEK)) {
            String label = WEEK_LABEL.format(LocalDate.parse(week.firstKey()));
            ResponseTimeFigures.Clock first = week.figures().firstResponse();
            times.addValue(first.businessMinutes().median(), "median", label);
            times.addValue(first.businessMinutes().p90(), "90th percentile", label);
            share.addValue(first.percentWithinTarget(), "% within target", label);
        }
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 8);
        CategoryAxis weeks = new CategoryAxis("week of");
        weeks.setTickLabelFont(small);
        weeks.setLabelFont(small);
        weeks.setCategoryMargin(0.25);
        weeks.setMaximumCategoryLabelWidthRatio(2f);
        if (times.getColumnCount() > 8) {
            weeks.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis minutes = new NumberAxis("minutes");
        minutes.setTickLabelFont(small);
        minutes.setLabelFont(small);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        bars.setSeriesPaint(0, ACCENT);
        bars.setSeriesPaint(1, LIGHT_ACCENT);
        CategoryPlot plot = new CategoryPlot(times, weeks, minutes, bars);
        NumberAxis percent = new NumberAxis("% within target");
        percent.setRange(0, 105); // room for the markers at 100 %
        percent.setTickLabelFont(small);
        percent.setLabelFont(small);
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        line.setSeriesPaint(0, GOOD);
        line.setSeriesStroke(0, new BasicStroke(1.5f));
        plot.setDataset(1, share);
        plot.setRangeAxis(1, percent);
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(PdfPage.RULE);
        plot.setNoDataMessage("No interactions in this period");
        plot.setNoDataMessageFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        JFreeChart chart = new JFreeChart(null, small, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(small);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        legend.setPosition(RectangleEdge.TOP);

        BufferedImage image = new BufferedImage(width * CHART_SCALE, height * CHART_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.scale(CHART_SCALE, CHART_SCALE);
            chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            graphics.dispose();
        }
        return image;
    }

    private String period() {
        return DAY.format(report.period().from()) + " \u2013 " + DAY.format(report.period().to().minusDays(1));
    }

    private static String windowClass(String key) {
        return switch (key) {
            case "inside" -> "inside coverage hours";
            case "covered" -> "outside, someone on duty";
            default -> "nobody on duty";
        };
    }

    private static String percent(Double value) {
        return value == null ? "\u2013" : String.format(Locale.ENGLISH, "%.1f %%", value);
    }

    /** Minutes as people read them: "18 min", "2 h 05 min", "3 d 4 h". */
    static String minutes(Double value) {
        if (value == null) {
            return "\u2013";
        }
        long total = Math.round(value);
        if (total < 60) {
            return value < 10 ? String.format(Locale.ENGLISH, "%.1f min", value) : total + " min";
        }
        if (total < 24 * 60) {
            return String.format(Locale.ENGLISH, "%d h %02d min", total / 60, total % 60);
        }
        return String.format(Locale.ENGLISH, "%d d %d h", total / (24 * 60), total % (24 * 60) / 60);
    }
}
