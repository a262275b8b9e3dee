-- cmkit inbox store, schema version 1.
-- Placeholders, replaced per dialect before running: ${prefix} (table prefix, default cm_),
-- ${text} (unbounded text: H2 CHARACTER VARYING(1000000), PostgreSQL TEXT).
-- Times are UTC epoch milliseconds (BIGINT). Statements end with ';' at the end of a line.

-- One row per feed: an account's mentions, or the comments under one post.
CREATE TABLE ${prefix}inbox_feed (
    feed_id      VARCHAR(1000) NOT NULL,
    account      VARCHAR(400)  NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    post_id      VARCHAR(500),
    feed_cursor  ${text},
    wait_until   BIGINT,
    updated_at   BIGINT        NOT NULL,
    CONSTRAINT ${prefix}inbox_feed_pk PRIMARY KEY (feed_id)
);

-- The interactions already handed to the handlers: account key | platform id.
CREATE TABLE ${prefix}inbox_seen (
    delivery_key VARCHAR(1000) NOT NULL,
    seen_at      BIGINT        NOT NULL,
    CONSTRAINT ${prefix}inbox_seen_pk PRIMARY KEY (delivery_key)
);

CREATE INDEX ${prefix}inbox_seen_at ON ${prefix}inbox_seen (seen_at);

-- Deliveries some handlers still owe (handlers: names separated by new lines), and abandoned ones.
CREATE TABLE ${prefix}inbox_pending (
    delivery_key    VARCHAR(1000) NOT NULL,
    feed_id         VARCHAR(1000) NOT NULL,
    interaction     ${text}       NOT NULL,
    handlers        ${text}       NOT NULL,
    attempts        INTEGER       NOT NULL,
    last_error      ${text}       NOT NULL,
    first_failed_at BIGINT        NOT NULL,
    abandoned       BOOLEAN       NOT NULL,
    CONSTRAINT ${prefix}inbox_pending_pk PRIMARY KEY (delivery_key)
);

CREATE INDEX ${prefix}inbox_pending_order ON ${prefix}inbox_pending (abandoned, first_failed_at);
