-- cmkit schedule store, schema version 5: the scheduler's own transitions kept on the post's row. Placeholders as in
-- V1: ${prefix} (table prefix), ${text} (unbounded text). Every statement can run twice (IF NOT EXISTS), because H2
-- commits DDL at once: a migration stopped halfway is run again from the start.
--
-- A claim moves the post from SCHEDULED to PUBLISHING and a completion (or a person's resolution) from PUBLISHING
-- to PUBLISHED or FAILED; each wrote a row of schedule_transition (a row and its key's index entry) beside the
-- update of the post's row it already made. The two transitions now go into these columns of that same update:
-- a post's history is its rows of schedule_transition in the order of seq, then the DISPATCH kept here (when
-- dispatch_actor is set), then the end kept here (when end_action is set). Any other change of the post (the
-- workflow's update) first moves them into schedule_transition and clears them, so they are always the last ones,
-- and a SCHEDULED post never has them.

-- DISPATCH, from SCHEDULED to PUBLISHING: who claimed and when (UTC epoch seconds and nanoseconds).
ALTER TABLE ${prefix}schedule_post ADD COLUMN IF NOT EXISTS dispatch_actor ${text};

ALTER TABLE ${prefix}schedule_post ADD COLUMN IF NOT EXISTS dispatch_second BIGINT;

ALTER TABLE ${prefix}schedule_post ADD COLUMN IF NOT EXISTS dispatch_nano INTEGER;

-- The end, from PUBLISHING: COMPLETE or RESOLVE, to PUBLISHED or FAILED, who, when, and the reasons of a failure.
ALTER TABLE ${prefix}schedule_post ADD COLUMN IF NOT EXISTS end_action VARCHAR(16);

ALTER TABLE ${prefix}schedule_post ADD COLUMN IF NOT EXISTS end_state VARCHAR(16);

ALTER TABLE ${prefix}schedule_post ADD COLUMN IF NOT EXISTS end_actor ${text};

ALTER TABLE ${prefix}schedule_post ADD COLUMN IF NOT EXISTS end_second BIGINT;

ALTER TABLE ${prefix}schedule_post ADD COLUMN IF NOT EXISTS end_nano INTEGER;

ALTER TABLE ${prefix}schedule_post ADD COLUMN IF NOT EXISTS end_comment ${text};
