-- Once a post has reached the client (their review, or approved and beyond), the brand's client users keep seeing
-- it, also while the agency reworks it after they asked for changes: the flag is set by the application when a post
-- enters a client-visible state and never cleared.

alter table post add column shown_to_client boolean not null default false;

update post set shown_to_client = true
where status in ('approved', 'scheduled', 'published') or (status = 'in-review' and review_stage = 'client');
