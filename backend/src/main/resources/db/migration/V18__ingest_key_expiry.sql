-- Idempotency-Key answers live a day (InteractionIngest.KEY_LIFETIME); the inbox's expiry job deletes older ones
-- across agencies as the platform role, which may see when an answer was stored and delete it, nothing more.

create policy ingest_request_expiry_read on ingest_request for select to ${platformRole}
    using (true);
create policy ingest_request_expiry on ingest_request for delete to ${platformRole}
    using (true);

grant select (created_at), delete on ingest_request to ${platformRole};
