-- 0010: agendas. Each meeting has an ordered list of items (title, kind, who presents: a person
-- of the register or free text, minutes, note); a group has a default agenda that a new meeting
-- starts from. A group without a row in `group_agenda` has not saved its own default and uses
-- its register template's (`assets/templates/*.json`, `default_agenda`). Positions run 1..n
-- within a meeting or group; the core rewrites the whole list in one transaction on a change.

CREATE TABLE agenda_item (
    meeting_id   INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL CHECK (position >= 1),
    title        TEXT    NOT NULL CHECK (length(title) >= 1),
    kind         TEXT    NOT NULL CHECK (kind IN ('information', 'discussion', 'decision')),
    presenter_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
    presenter    TEXT,
    minutes      INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 480),
    note         TEXT,
    CHECK (presenter_id IS NULL OR presenter IS NULL),
    PRIMARY KEY (meeting_id, position)
) WITHOUT ROWID;
CREATE INDEX agenda_item_presenter ON agenda_item (presenter_id);

-- A group that has saved its own default agenda (possibly empty).
CREATE TABLE group_agenda (
    group_id INTEGER PRIMARY KEY REFERENCES network_group (id) ON DELETE CASCADE
);

CREATE TABLE group_agenda_item (
    group_id     INTEGER NOT NULL REFERENCES group_agenda (group_id) ON DELETE CASCADE,
    position     INTEGER NOT NULL CHECK (position >= 1),
    title        TEXT    NOT NULL CHECK (length(title) >= 1),
    kind         TEXT    NOT NULL CHECK (kind IN ('information', 'discussion', 'decision')),
    presenter_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
    presenter    TEXT,
    minutes      INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 480),
    note         TEXT,
    CHECK (presenter_id IS NULL OR presenter IS NULL),
    PRIMARY KEY (group_id, position)
) WITHOUT ROWID;
CREATE INDEX group_agenda_item_presenter ON group_agenda_item (presenter_id);
