package com.agencyhub.inbox;

import com.agencyhub.inbox.internal.IngestRequestRepository;
import com.agencyhub.shared.db.Transactions;
import com.agencyhub.shared.scheduling.PeriodicJob;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;

/**
 * Deletes the stored answers of Idempotency-Keys once they are older than {@link InteractionIngest#KEY_LIFETIME}, when
 * a repeated key no longer replays them anyway, so the table holds about a day of keys. Every hour, as the platform
 * role across agencies; any number of instances may run it.
 */
@Component
public class IngestKeyExpiry extends PeriodicJob {

    private final IngestRequestRepository requests;
    private final Transactions transactions;

    IngestKeyExpiry(IngestRequestRepository requests, Transactions transactions) {
        super("The idempotency key expiry", true, Duration.ofHours(1));
        this.requests = requests;
        this.transactions = transactions;
    }

    @Override
    public Mono<Integer> runRound(Instant now) {
        return transactions.asPlatform(sql -> requests.deleteExpired(sql, now.minus(InteractionIngest.KEY_LIFETIME)));
    }
}
