-- 0012: minutes (minnesanteckningar). Per meeting who took the notes and who checked them
-- (justerare), and when the minutes were last edited, checked and sent; per agenda item its
-- notes and decisions, by the item's position (the core moves them with the item when the
-- agenda changes, in the same transaction). The attendance is not copied: the minutes read
-- what was recorded (`attendance`).

CREATE TABLE minutes (
    meeting_id INTEGER PRIMARY KEY REFERENCES meeting (id) ON DELETE CASCADE,
    taker_id   INTEGER REFERENCES person (id) ON DELETE SET NULL,
    checker_id INTEGER REFERENCES person (id) ON DELETE SET NULL,
    drafted_at TEXT CHECK (drafted_at IS NULL OR length(drafted_at) >= 20),   -- UTC, RFC 3339
    checked_at TEXT CHECK (checked_at IS NULL OR length(checked_at) >= 20),
    sent_at    TEXT CHECK (sent_at IS NULL OR length(sent_at) >= 20)
);
CREATE INDEX minutes_taker ON minutes (taker_id);
CREATE INDEX minutes_checker ON minutes (checker_id);

CREATE TABLE minutes_item (
    meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL CHECK (position >= 1),
    notes      TEXT,
    decisions  TEXT,
    PRIMARY KEY (meeting_id, position)
) WITHOUT ROWID;
