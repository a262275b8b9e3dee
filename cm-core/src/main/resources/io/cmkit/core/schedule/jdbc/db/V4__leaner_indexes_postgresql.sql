-- cmkit schedule store, schema version 4 on PostgreSQL: fewer index entries written per publication.
-- Placeholders as in V1: ${prefix} (table prefix). The script runs in one transaction with its version row.

-- A post's history is read by post, in the order of seq: the primary key is that order, and replaces both the
-- key on seq alone and the (brand_id, post_id, seq) index (two index entries per transition, now one).
ALTER TABLE ${prefix}schedule_transition DROP CONSTRAINT ${prefix}schedule_transition_pk;

ALTER TABLE ${prefix}schedule_transition ADD CONSTRAINT ${prefix}schedule_transition_pk PRIMARY KEY (brand_id, post_id, seq);

DROP INDEX IF EXISTS ${prefix}schedule_transition_post;

-- A post's publications: the (brand_id, post_id, seq) index serves the lookups by (brand_id, post_id) too.
DROP INDEX IF EXISTS ${prefix}schedule_publication_of_post;

-- Posts by state: findByState reads them with a scan of the posts instead. The index was written twice per
-- publication (SCHEDULED to PUBLISHING at the claim, to PUBLISHED or FAILED at the completion) and, on
-- PostgreSQL, made every update of a post write its key's index too; its one caller in cmkit reads the states
-- that hold most posts (PUBLISHED, PUBLISHING, FAILED), which an index does not speed up.
DROP INDEX IF EXISTS ${prefix}schedule_post_state;
