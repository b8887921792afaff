-- 0001: the register's first shape. Organisations with their principal and local group,
-- internal contacts, people, groups, the organisations seated in each group, and appointments
-- whose history is kept. Names are stored as entered next to a comparison key (NFC, case
-- folded) and a Swedish sort key that the core computes; dates are ISO text (YYYY-MM-DD) so that they sort.

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE organisation (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL,
    name_key            TEXT NOT NULL UNIQUE,
    sort_key            TEXT NOT NULL,
    short_name          TEXT,
    short_key           TEXT,
    kind                TEXT NOT NULL
        CHECK (kind IN ('municipality', 'region', 'agency', 'university', 'non_profit', 'other')),
    org_number          TEXT UNIQUE,
    postal_address      TEXT,
    email               TEXT,
    phone               TEXT,
    notes               TEXT,
    active              INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    principal_name      TEXT,
    principal_title     TEXT,
    principal_email     TEXT,
    principal_phone     TEXT,
    local_group_name    TEXT,
    local_group_contact TEXT,
    CHECK (principal_name IS NOT NULL
           OR (principal_title IS NULL AND principal_email IS NULL AND principal_phone IS NULL)),
    CHECK (local_group_name IS NOT NULL OR local_group_contact IS NULL)
);
CREATE INDEX organisation_short_key ON organisation (short_key);
CREATE INDEX organisation_sort_key ON organisation (sort_key);

CREATE TABLE internal_contact (
    id              INTEGER PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    function        TEXT NOT NULL,
    name            TEXT NOT NULL,
    email           TEXT,
    phone           TEXT
);
CREATE INDEX internal_contact_organisation ON internal_contact (organisation_id);

CREATE TABLE person (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    name_key        TEXT NOT NULL,
    sort_key        TEXT NOT NULL,
    title           TEXT,
    organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
    email           TEXT,
    phone           TEXT,
    protected       INTEGER NOT NULL DEFAULT 0 CHECK (protected IN (0, 1)),
    notes           TEXT
);
CREATE INDEX person_name_key ON person (name_key);
CREATE INDEX person_sort_key ON person (sort_key);
CREATE INDEX person_organisation ON person (organisation_id);

-- Name search by any part of the name (three characters or more) through a trigram index
-- over the comparison key, kept in step with the table by triggers.
CREATE VIRTUAL TABLE person_search USING fts5 (
    name_key, content = 'person', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER person_search_insert AFTER INSERT ON person BEGIN
    INSERT INTO person_search (rowid, name_key) VALUES (NEW.id, NEW.name_key);
END;
CREATE TRIGGER person_search_delete AFTER DELETE ON person BEGIN
    INSERT INTO person_search (person_search, rowid, name_key) VALUES ('delete', OLD.id, OLD.name_key);
END;
CREATE TRIGGER person_search_update AFTER UPDATE OF name_key ON person BEGIN
    INSERT INTO person_search (person_search, rowid, name_key) VALUES ('delete', OLD.id, OLD.name_key);
    INSERT INTO person_search (rowid, name_key) VALUES (NEW.id, NEW.name_key);
END;

CREATE TABLE network_group (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL,
    name_key          TEXT NOT NULL UNIQUE,
    kind              TEXT NOT NULL CHECK (kind IN ('steering', 'county', 'working', 'local')),
    meetings_per_year INTEGER NOT NULL CHECK (meetings_per_year BETWEEN 0 AND 52),
    description       TEXT,
    one_per_org       INTEGER NOT NULL DEFAULT 0 CHECK (one_per_org IN (0, 1))
);

-- The organisations that hold seats in a group (the county group's thirty, say).
CREATE TABLE group_seat (
    group_id        INTEGER NOT NULL REFERENCES network_group (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, organisation_id)
) WITHOUT ROWID;
CREATE INDEX group_seat_organisation ON group_seat (organisation_id);

-- `to_date` is the end of the term as decided; `ended_on` the last day really served.
CREATE TABLE appointment (
    id              INTEGER PRIMARY KEY,
    person_id       INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    group_id        INTEGER NOT NULL REFERENCES network_group (id) ON DELETE RESTRICT,
    organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE RESTRICT,
    role            TEXT NOT NULL
        CHECK (role IN ('representative', 'substitute', 'member', 'chair', 'convener')),
    from_date       TEXT NOT NULL CHECK (date(from_date) IS from_date),
    to_date         TEXT CHECK (to_date IS NULL OR (date(to_date) IS to_date AND to_date >= from_date)),
    ended_on        TEXT CHECK (ended_on IS NULL OR (date(ended_on) IS ended_on AND ended_on >= from_date))
);
CREATE INDEX appointment_seat ON appointment (group_id, organisation_id, role, from_date);
CREATE INDEX appointment_person ON appointment (person_id);
CREATE INDEX appointment_organisation ON appointment (organisation_id);

-- The one-per-organisation rule, backed by the schema: in a group with the rule, the service
-- periods of two representatives (or two substitutes) of one organisation never overlap.
CREATE TRIGGER appointment_one_seat_insert
BEFORE INSERT ON appointment
WHEN NEW.role IN ('representative', 'substitute')
 AND (SELECT one_per_org FROM network_group WHERE id = NEW.group_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'one_per_org: the seat is held in that period')
    WHERE EXISTS (
        SELECT 1 FROM appointment a
        WHERE a.group_id = NEW.group_id
          AND a.organisation_id = NEW.organisation_id
          AND a.role = NEW.role
          AND a.from_date <= COALESCE(NEW.ended_on, '9999-12-31')
          AND COALESCE(a.ended_on, '9999-12-31') >= NEW.from_date);
END;

CREATE TRIGGER appointment_one_seat_update
BEFORE UPDATE OF ended_on ON appointment
WHEN NEW.role IN ('representative', 'substitute')
 AND (SELECT one_per_org FROM network_group WHERE id = NEW.group_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'one_per_org: the seat is held in that period')
    WHERE EXISTS (
        SELECT 1 FROM appointment a
        WHERE a.id <> NEW.id
          AND a.group_id = NEW.group_id
          AND a.organisation_id = NEW.organisation_id
          AND a.role = NEW.role
          AND a.from_date <= COALESCE(NEW.ended_on, '9999-12-31')
          AND COALESCE(a.ended_on, '9999-12-31') >= NEW.from_date);
END;

-- Switching the rule on for a group whose history breaks it is refused.
CREATE TRIGGER network_group_rule_on
BEFORE UPDATE OF one_per_org ON network_group
WHEN NEW.one_per_org = 1 AND OLD.one_per_org = 0
BEGIN
    SELECT RAISE(ABORT, 'one_per_org: existing appointments overlap')
    WHERE EXISTS (
        SELECT 1 FROM appointment a JOIN appointment b
          ON a.group_id = b.group_id AND a.organisation_id = b.organisation_id
         AND a.role = b.role AND a.id < b.id
        WHERE a.group_id = NEW.id
          AND a.role IN ('representative', 'substitute')
          AND a.from_date <= COALESCE(b.ended_on, '9999-12-31')
          AND COALESCE(a.ended_on, '9999-12-31') >= b.from_date);
END;

-- History is never overwritten: who, where, in what role and from when are fixed at
-- appointment; the day an appointment ended is set once; appointments are never deleted.
CREATE TRIGGER appointment_history_kept
BEFORE UPDATE ON appointment
WHEN NEW.person_id IS NOT OLD.person_id
  OR NEW.group_id IS NOT OLD.group_id
  OR NEW.organisation_id IS NOT OLD.organisation_id
  OR NEW.role IS NOT OLD.role
  OR NEW.from_date IS NOT OLD.from_date
  OR (OLD.ended_on IS NOT NULL AND NEW.ended_on IS NOT OLD.ended_on)
BEGIN
    SELECT RAISE(ABORT, 'appointment history is kept');
END;

CREATE TRIGGER appointment_never_deleted
BEFORE DELETE ON appointment
BEGIN
    SELECT RAISE(ABORT, 'appointment history is kept');
END;
