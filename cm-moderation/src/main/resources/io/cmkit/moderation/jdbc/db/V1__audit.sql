-- cmkit moderation audit log, schema version 1 (component 'moderation-audit').
-- Placeholders as in every cmkit script: ${prefix}, ${text}. Times are UTC epoch nanoseconds.
-- Entries are only ever inserted. audit_head holds the last sequence number: an append locks its
-- row, so numbers follow the order of appends without gaps, whatever the number of instances.

CREATE TABLE ${prefix}audit_entry (
    sequence         BIGINT        NOT NULL,
    at_nanos         BIGINT        NOT NULL,
    actor            VARCHAR(200)  NOT NULL,
    interaction_key  VARCHAR(1000) NOT NULL,
    rule             VARCHAR(200),
    action           VARCHAR(64)   NOT NULL,
    result           VARCHAR(16)   NOT NULL,
    detail           ${text}       NOT NULL,
    CONSTRAINT ${prefix}audit_entry_pk PRIMARY KEY (sequence)
);

CREATE INDEX ${prefix}audit_entry_interaction ON ${prefix}audit_entry (interaction_key, sequence);

CREATE TABLE ${prefix}audit_head (
    id             INTEGER NOT NULL,
    last_sequence  BIGINT  NOT NULL,
    CONSTRAINT ${prefix}audit_head_pk PRIMARY KEY (id)
);

INSERT INTO ${prefix}audit_head (id, last_sequence) VALUES (1, 0);
