package com.agencyhub.inbox.web;

import com.agencyhub.testsupport.ApiTest;
import com.agencyhub.testsupport.ResponseTimeData;
import com.agencyhub.testsupport.TestAgency;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF a client forwards, looked at as a reader would: page 1 rendered to an image (kept in
 * {@code target/response-times-page1.png}) and its text extracted. It names the brand (in Latin-1 and in a script the
 * standard fonts lack), the period and the figures; the chart area shows bars of the brand's colour and the rest of the
 * margin is blank.
 */
class ResponseTimePdfTest extends ApiTest {

    private static final float DPI = 110;

    @Test
    void pageOneShowsTheBrandThePeriodTheFiguresAndTheChart() throws IOException {
        TestAgency agency = newAgency("response-times-pdf");
        UUID brand = newBrand(agency, "Käserei Alpenglück");
        ResponseTimeData.insert(agency.tenant(), quarter(brand));

        byte[] pdf = http.get().uri("/v1/brands/" + brand + "/response-times/report.pdf?from=2026-09-01&to=2026-12-01")
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueMatches("Content-Disposition",
                        "attachment; filename=\"response-times-2026-09-01-to-2026-12-01.pdf\"")
                .expectBody(byte[].class).returnResult().getResponseBody();
        String json = http.get().uri("/v1/brands/" + brand + "/response-times?from=2026-09-01&to=2026-12-01")
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Käserei Alpenglück", "1 September 2026 – 30 November 2026",
                    "(Europe/Berlin)", "interactions received", "answered within target", "Why targets were missed",
                    "inside coverage hours", "instagram");
            // the figures of the JSON report, as the page writes them
            assertThat(text).contains(String.valueOf(quarter(brand).size()));
            assertThat(json).contains("\"percentWithinTarget\":" + percentOnPage(text));

            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, DPI);
            Path png = Path.of("target", "response-times-page1.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(page, "png", png.toFile());

            Rectangle2D chart = pixels(ResponseTimePdf.CHART);
            assertThat(share(page, chart, ResponseTimePdfTest::isBlueBar)).as("bars in the chart").isGreaterThan(0.02);
            assertThat(share(page, chart, rgb -> rgb != Color.WHITE.getRGB())).as("ink in the chart")
                    .isGreaterThan(0.05);
            Rectangle2D leftMargin = pixels(new Rectangle2D.Float(0, 60, 40, 720));
            assertThat(share(page, leftMargin, rgb -> rgb != Color.WHITE.getRGB())).as("ink in the margin").isZero();
        }
    }

    @Test
    void aNameInAnotherScriptIsWrittenWithQuestionMarksRatherThanFailing() throws IOException {
        TestAgency agency = newAgency("response-times-pdf-script");
        UUID brand = newBrand(agency, "東京 Milch");
        byte[] pdf = http.get().uri("/v1/brands/" + brand + "/response-times/report.pdf?from=2026-11-01")
                .headers(h -> h.setBearerAuth(agency.adminToken())).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("?? Milch", "No first-response target was"
                    + " missed.");
        }
    }

    /** The first "NN.N %" on the page: the share answered within target, the second panel. */
    private static String percentOnPage(String text) {
        int end = text.indexOf(" %");
        return text.substring(text.lastIndexOf('\n', end) + 1, end).strip();
    }

    /** Thirteen weeks of items, a few each day, answered after varying times, some late and some never. */
    private static List<ResponseTimeData.Item> quarter(UUID brand) {
        List<ResponseTimeData.Item> items = new ArrayList<>();
        Instant first = Instant.parse("2026-09-01T06:00:00Z");
        for (int day = 0; day < 91; day++) {
            for (int k = 0; k < 2 + day % 4; k++) {
                Instant received = first.plus(day, ChronoUnit.DAYS).plus(2L * k + day % 3, ChronoUnit.HOURS);
                ResponseTimeData.Item item = ResponseTimeData.item(brand, received.toString())
                        .window(k == 3 ? "covered" : day % 11 == 5 && k == 0 ? "uncovered" : "inside")
                        .channel(k % 2 == 0 ? "instagram" : "facebook").target(60, 1440);
                if (day % 10 != 9 || k != 0) {
                    int minutes = 4 + (day * 7 + k * 13) % (day < 45 ? 70 : 45);
                    item.answered(minutes, minutes, null).resolved(minutes + 90 + k * 30);
                }
                items.add(item);
            }
        }
        return items;
    }

    private static Rectangle2D pixels(Rectangle2D points) {
        double scale = DPI / 72;
        return new Rectangle2D.Double(points.getX() * scale,
                (PDRectangle.A4.getHeight() - points.getMaxY()) * scale, points.getWidth() * scale,
                points.getHeight() * scale);
    }

    private static double share(BufferedImage image, Rectangle2D area, java.util.function.IntPredicate counted) {
        int hits = 0;
        int all = 0;
        for (int y = (int) area.getMinY(); y < (int) area.getMaxY(); y++) {
            for (int x = (int) area.getMinX(); x < (int) area.getMaxX(); x++) {
                all++;
                if (counted.test(image.getRGB(x, y) | 0xFF000000)) {
                    hits++;
                }
            }
        }
        return (double) hits / all;
    }

    /** The bars' blues: clearly more blue than red. */
    private static boolean isBlueBar(int rgb) {
        Color color = new Color(rgb);
        return color.getBlue() > 180 && color.getBlue() - color.getRed() > 60;
    }
}
