-- 0003: mandate forms. The form's wording is kept in versions (a saved text is never changed,
-- a new version is added), and every printed form is recorded with who it named, so that a
-- change of representative, substitute or principal shows that the signed form is no longer
-- current.

CREATE TABLE form_wording (
    id         INTEGER PRIMARY KEY,
    lang       TEXT NOT NULL CHECK (lang IN ('sv', 'en')),
    created_at TEXT NOT NULL CHECK (length(created_at) >= 20),   -- UTC, RFC 3339
    body       TEXT NOT NULL CHECK (json_valid(body))
);

CREATE TRIGGER form_wording_kept BEFORE UPDATE ON form_wording
BEGIN
    SELECT RAISE(ABORT, 'a saved wording is kept; add a new version');
END;

-- One printed form for an organisation's seat in a group. `representative_id` and
-- `substitute_id` are the appointments it named (NULL: the seat was vacant, a line to fill
-- in); `principal` the principal's name as printed.
CREATE TABLE form_print (
    id                INTEGER PRIMARY KEY,
    group_id          INTEGER NOT NULL REFERENCES network_group (id) ON DELETE CASCADE,
    organisation_id   INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    printed_at        TEXT    NOT NULL CHECK (length(printed_at) >= 20),
    wording_id        INTEGER NOT NULL REFERENCES form_wording (id),
    representative_id INTEGER REFERENCES appointment (id),
    substitute_id     INTEGER REFERENCES appointment (id),
    principal         TEXT,
    signed_on         TEXT CHECK (signed_on IS NULL OR date(signed_on) IS signed_on),
    note              TEXT
);

CREATE INDEX form_print_seat ON form_print (group_id, organisation_id, id);
