-- cmkit schedule store, schema version 2: what a publication replies to.
-- Placeholders as in V1: ${prefix} (table prefix), ${text} (unbounded text).
-- reply_to is JSON, NULL for a publication that replies to nothing (every row written by version 1):
--   {"post": {"platform": ..., "id": ..., "version": ..., "url": ...}}  a post already on the platform
--   {"parent": [key, ancestor keys...], "onGap": "BRIDGE" | "RESTART"}   another publication of the store
-- A post's publication options (idempotency key and reply target per account) live in the JSON body
-- of its row in schedule_post, under "options"; bodies written by version 1 have none.

ALTER TABLE ${prefix}schedule_publication ADD COLUMN reply_to ${text};
