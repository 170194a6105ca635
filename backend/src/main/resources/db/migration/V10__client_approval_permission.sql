-- A client user's permission to approve the posts of a brand they see (issue 11): a flag on the brand scope, so
-- that it belongs to one agency and one brand, and disappears with the scope. The existing trigger on
-- client_brand_scope already tells every instance to forget the person's cached grant when it changes.

alter table client_brand_scope add column may_approve boolean not null default false;
