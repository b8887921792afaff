-- 0013: reminders before terms end (påminnelser). Every letter written to an organisation's
-- principal about a seat that stands empty or whose term ends soon is recorded per seat: which
-- seat (and, for a term, which appointment), what was due, on which day it was written and the
-- export-log entries of its files (the e-mail draft and the printed letter), so that the same
-- seat is not reminded twice within the reminder period unless the coordinator asks, and
-- Översikt can say when each seat was last reminded. A recorded reminder is never changed.

CREATE TABLE reminder_sent (
    id              INTEGER PRIMARY KEY,
    group_id        INTEGER NOT NULL REFERENCES network_group (id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
    seat_id         INTEGER REFERENCES seat (id) ON DELETE CASCADE,
    appointment_id  INTEGER REFERENCES appointment (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('vacant', 'term_ending', 'term_expired')),
    term_to         TEXT    CHECK (term_to IS NULL OR date(term_to) IS term_to),
    sent_on         TEXT    NOT NULL CHECK (date(sent_on) IS sent_on),
    sent_at         TEXT    NOT NULL CHECK (length(sent_at) >= 20),   -- UTC, RFC 3339
    eml_export_id   INTEGER REFERENCES export_log (id),
    pdf_export_id   INTEGER REFERENCES export_log (id),
    CHECK (seat_id IS NOT NULL OR appointment_id IS NOT NULL),
    CHECK ((kind = 'vacant') = (appointment_id IS NULL))
);

CREATE INDEX reminder_sent_seat ON reminder_sent (seat_id, appointment_id, sent_on);
CREATE INDEX reminder_sent_appointment ON reminder_sent (appointment_id);
CREATE INDEX reminder_sent_organisation ON reminder_sent (organisation_id);

CREATE TRIGGER reminder_sent_kept BEFORE UPDATE ON reminder_sent
BEGIN
    SELECT RAISE(ABORT, 'a recorded reminder is kept');
END;
