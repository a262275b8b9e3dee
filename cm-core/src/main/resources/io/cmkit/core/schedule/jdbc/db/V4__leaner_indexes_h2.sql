-- cmkit schedule store, schema version 4 on H2: fewer index entries written per publication. Placeholders as in
-- V1: ${prefix} (table prefix). Every statement can run twice (H2 commits DDL at once: a migration stopped
-- halfway is run again from the start).
-- H2 gives each foreign key an index on exactly its columns when none exists as the constraint is created; the
-- tables of version 1 and 3 created theirs before their other indexes, so each table already has an index on
-- (brand_id, post_id), and the ones below repeated it.

-- A post's history: an index on (brand_id, post_id) already serves its reads (its entries follow seq, the row
-- key, within a post); the (brand_id, post_id, seq) one was a third entry written per transition.
DROP INDEX IF EXISTS ${prefix}schedule_transition_post;

-- A post's publications: the foreign key's index serves every lookup by post.
DROP INDEX IF EXISTS ${prefix}schedule_publication_post;

DROP INDEX IF EXISTS ${prefix}schedule_publication_of_post;

-- Posts by state: findByState reads them with a scan of the posts instead. The index was written twice per
-- publication (SCHEDULED to PUBLISHING at the claim, to PUBLISHED or FAILED at the completion) and, on
-- PostgreSQL, made every update of a post write its key's index too; its one caller in cmkit reads the states
-- that hold most posts (PUBLISHED, PUBLISHING, FAILED), which an index does not speed up.
DROP INDEX IF EXISTS ${prefix}schedule_post_state;
