-- 0011: invitations (kallelser). Every e-mail draft written for a meeting is recorded with the
-- iTIP SEQUENCE it carried, whether it was a request or a cancellation, and the date, times,
-- place and link it announced, so that the meeting can say which version was last sent and
-- whether the meeting now differs from it (an update then carries the next SEQUENCE under the
-- meeting's one UID). The wording of the e-mails (subject and body of the invitation, the
-- update, the cancellation and the minutes) is kept in versions like the mandate form's: a saved
-- text is never changed, a new version is added.

CREATE TABLE invitation_sent (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    sequence    INTEGER NOT NULL CHECK (sequence >= 0),
    method      TEXT    NOT NULL CHECK (method IN ('request', 'cancel')),
    date        TEXT    NOT NULL CHECK (date(date) IS date),
    start_time  TEXT    NOT NULL CHECK (length(start_time) = 5),
    end_time    TEXT    NOT NULL CHECK (length(end_time) = 5),
    place       TEXT,
    online_link TEXT,
    recipients  INTEGER NOT NULL CHECK (recipients >= 0),
    sent_at     TEXT    NOT NULL CHECK (length(sent_at) >= 20),   -- UTC, RFC 3339
    export_id   INTEGER REFERENCES export_log (id)
);

CREATE INDEX invitation_sent_meeting ON invitation_sent (meeting_id, id);

-- A later draft never lowers the sequence of an earlier one of the same meeting.
CREATE TRIGGER invitation_sent_sequence BEFORE INSERT ON invitation_sent
WHEN NEW.sequence < (SELECT max(sequence) FROM invitation_sent WHERE meeting_id = NEW.meeting_id)
BEGIN
    SELECT RAISE(ABORT, 'an invitation never lowers the sequence');
END;

CREATE TRIGGER invitation_sent_kept BEFORE UPDATE ON invitation_sent
BEGIN
    SELECT RAISE(ABORT, 'a recorded invitation is kept');
END;

CREATE TABLE mail_wording (
    id         INTEGER PRIMARY KEY,
    lang       TEXT NOT NULL CHECK (lang IN ('sv', 'en')),
    created_at TEXT NOT NULL CHECK (length(created_at) >= 20),   -- UTC, RFC 3339
    body       TEXT NOT NULL CHECK (json_valid(body))
);

CREATE TRIGGER mail_wording_kept BEFORE UPDATE ON mail_wording
BEGIN
    SELECT RAISE(ABORT, 'a saved wording is kept; add a new version');
END;
