-- 0004: meetings. Each group's meetings (a cancelled one stays, with its status), the group's
-- planning preferences, the periods the coordinator blocks for planning, and attendance.
-- Every meeting has a calendar identity (uid) that never changes and a sequence number that
-- increases with each change, so that calendars update the entry instead of duplicating it.

CREATE TABLE meeting (
    id          INTEGER PRIMARY KEY,
    group_id    INTEGER NOT NULL REFERENCES network_group (id) ON DELETE CASCADE,
    date        TEXT    NOT NULL CHECK (date(date) IS date),
    start_time  TEXT    NOT NULL CHECK (length(start_time) = 5 AND time(start_time) IS start_time || ':00'),
    end_time    TEXT    NOT NULL CHECK (length(end_time) = 5 AND time(end_time) IS end_time || ':00'
                                        AND end_time > start_time),
    place       TEXT,
    online_link TEXT,
    agenda      TEXT,
    status      TEXT    NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
    extra       INTEGER NOT NULL DEFAULT 0 CHECK (extra IN (0, 1)),
    uid         TEXT    NOT NULL UNIQUE CHECK (length(uid) >= 16),
    sequence    INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    created_at  TEXT    NOT NULL,   -- UTC, RFC 3339
    updated_at  TEXT    NOT NULL
);
CREATE INDEX meeting_group_date ON meeting (group_id, date);
CREATE INDEX meeting_date ON meeting (date);

-- The calendar identity is fixed and the sequence never goes back.
CREATE TRIGGER meeting_identity_kept
BEFORE UPDATE ON meeting
WHEN NEW.uid IS NOT OLD.uid OR NEW.sequence < OLD.sequence OR NEW.group_id IS NOT OLD.group_id
BEGIN
    SELECT RAISE(ABORT, 'a meeting keeps its group and calendar identity');
END;

-- A group's planning preferences; a group without a row plans with the defaults.
CREATE TABLE group_plan (
    group_id    INTEGER PRIMARY KEY REFERENCES network_group (id) ON DELETE CASCADE,
    weekdays    TEXT NOT NULL CHECK (length(weekdays) BETWEEN 1 AND 9),   -- "2,3,4": ISO weekdays
    start_time  TEXT NOT NULL CHECK (length(start_time) = 5),
    end_time    TEXT NOT NULL CHECK (length(end_time) = 5 AND end_time > start_time),
    place       TEXT,
    online_link TEXT
);

-- Periods in which no meeting is planned: for all groups (group_id NULL) or one.
CREATE TABLE blackout (
    id        INTEGER PRIMARY KEY,
    group_id  INTEGER REFERENCES network_group (id) ON DELETE CASCADE,
    from_date TEXT NOT NULL CHECK (date(from_date) IS from_date),
    to_date   TEXT NOT NULL CHECK (date(to_date) IS to_date AND to_date >= from_date),
    label     TEXT NOT NULL CHECK (length(label) >= 1)
);

-- Attendance per invited person; `substitute_for` is the person someone attended in place of.
CREATE TABLE attendance (
    meeting_id     INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    person_id      INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    status         TEXT    NOT NULL CHECK (status IN ('present', 'absent', 'excused')),
    substitute_for INTEGER REFERENCES person (id) ON DELETE CASCADE,
    CHECK (substitute_for IS NULL OR (status = 'present' AND substitute_for <> person_id)),
    PRIMARY KEY (meeting_id, person_id)
) WITHOUT ROWID;
CREATE INDEX attendance_person ON attendance (person_id);
