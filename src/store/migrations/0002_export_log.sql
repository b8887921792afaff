-- Every export and print that carries people's data out of the register: what, when, by
-- which OS user, how many people (and which), whether protected people were included by the
-- coordinator's choice, and to which file. Append-only.

CREATE TABLE export_log (
    id                 INTEGER PRIMARY KEY,
    at                 TEXT    NOT NULL CHECK (length(at) >= 20),   -- UTC, RFC 3339
    os_user            TEXT    NOT NULL,
    kind               TEXT    NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
    description        TEXT    NOT NULL,
    group_id           INTEGER,   -- the group exported, if one (no reference: the log outlives it)
    people             INTEGER NOT NULL CHECK (people >= 0),
    protected_included INTEGER NOT NULL CHECK (protected_included IN (0, 1)),
    file               TEXT
);

CREATE INDEX export_log_at ON export_log (at);

-- Which people an export carried: answers "who has received my data" in a register extract.
CREATE TABLE export_person (
    export_id INTEGER NOT NULL REFERENCES export_log (id),
    person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    PRIMARY KEY (export_id, person_id)
) WITHOUT ROWID;

CREATE INDEX export_person_person ON export_person (person_id);

CREATE TRIGGER export_log_no_update BEFORE UPDATE ON export_log
BEGIN
    SELECT RAISE(ABORT, 'the export log is append-only');
END;

CREATE TRIGGER export_log_no_delete BEFORE DELETE ON export_log
BEGIN
    SELECT RAISE(ABORT, 'the export log is append-only');
END;
