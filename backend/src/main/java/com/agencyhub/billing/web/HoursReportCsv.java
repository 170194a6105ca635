package com.agencyhub.billing.web;

import com.agencyhub.billing.ActivityHours;
import com.agencyhub.billing.BrandHoursReport;
import com.agencyhub.billing.Hours;
import com.agencyhub.shared.web.CsvWriter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A brand's hours report as CSV: the columns of the contract's {@code exportBrandHoursReport}. */
final class HoursReportCsv {

    private static final List<String> HEADER = List.of("row", "activity", "planned_hours", "tracked_hours",
            "billable_hours", "non_billable_hours", "carried_in_hours", "available_hours", "utilisation_percent",
            "overage_hours", "carried_out_hours", "retainer_amount", "overage_amount", "invoice_amount", "currency");
    private static final String BILL_AMOUNT = "bill_amount";

    private HoursReportCsv() {
    }

    static String csv(BrandHoursReport report, boolean staff, char separator, boolean bom) {
        StringBuilder file = new StringBuilder(bom ? CsvWriter.BOM : "");
        List<String> header = new ArrayList<>(HEADER);
        if (staff) {
            header.add(BILL_AMOUNT);
        }
        file.append(CsvWriter.row(header, separator));
        for (ActivityHours line : report.activities()) {
            List<String> cells = new ArrayList<>(List.of("activity", line.name(), text(line.plannedHours()),
                    text(Hours.hours(line.tracked().minutes())), text(Hours.hours(line.tracked().billableMinutes())),
                    text(Hours.hours(line.tracked().nonBillableMinutes())), "", "", "", "", "", "", "", "", ""));
            if (staff) {
                cells.add(text(line.tracked().billAmount()));
            }
            file.append(CsvWriter.row(cells, separator));
        }
        List<String> total = new ArrayList<>(List.of("total", "", text(report.plannedHours()),
                text(report.trackedHours()), text(report.billableHours()), text(report.nonBillableHours()),
                text(report.carriedInHours()), text(report.availableHours()), text(report.utilisationPercent()),
                text(report.overageHours()), text(report.carriedOutHours()), text(report.retainerAmount()),
                text(report.overageAmount()), text(report.invoiceAmount()), report.currency()));
        if (staff) {
            total.add(text(report.tracked().billAmount()));
        }
        return file.append(CsvWriter.row(total, separator)).toString();
    }

    private static String text(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
