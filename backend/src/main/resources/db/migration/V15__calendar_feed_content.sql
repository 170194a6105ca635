-- A calendar feed shows planned posts (every feed so far) or monitoring shifts from the roster (docs/rosters.md,
-- "Shift feeds"); what a shift feed shows is resolved from the roster at every read, never stored.
alter table calendar_feed add column content text not null default 'posts' check (content in ('posts', 'shifts'));
