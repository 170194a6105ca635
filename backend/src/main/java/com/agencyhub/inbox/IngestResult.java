package com.agencyhub.inbox;

import java.util.List;

/** What became of each item of a delivery, in the order sent. */
public record IngestResult(int createdCount, int existingCount, List<IngestedItem> items) {

    public IngestResult {
        items = List.copyOf(items);
    }
}
