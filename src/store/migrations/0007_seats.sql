-- 0007: a group is composed of seats. A seat says who may hold it and in which role: one
-- organisation's representative, substitute, member, chair or convener, or a seat open to any
-- organisation of a kind ("a head of social services from one of the municipalities"), or to
-- any organisation at all (a named member chosen for competence). Appointments fill seats;
-- never two holders of one seat on one day. A group with free membership has no seats: anyone
-- may be appointed to it and it has no vacancies.
--
-- Existing registers: a group with the one-per-organisation rule gets a representative's and a
-- substitute's seat for each organisation listed in it; every other group gets a seat for each
-- (organisation, role) that has appointments, and a member's seat for each listed organisation
-- that has none. Every appointment is attached to its seat. Two appointments that would hold
-- one seat on one day cannot be mapped: the store refuses the migration before this runs.
--
-- An appointment entered in error can be withdrawn on the day it was made: it leaves every
-- view and count and stays in the change log with who withdrew it and why.

ALTER TABLE network_group ADD COLUMN free_membership INTEGER NOT NULL DEFAULT 0
    CHECK (free_membership IN (0, 1));

CREATE TABLE seat (
    id              INTEGER PRIMARY KEY,
    group_id        INTEGER NOT NULL REFERENCES network_group (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    role            TEXT NOT NULL
        CHECK (role IN ('representative', 'substitute', 'member', 'chair', 'convener')),
    -- The one organisation whose seat this is; NULL: open to any organisation (of `org_kind`).
    organisation_id INTEGER REFERENCES organisation (id) ON DELETE CASCADE,
    org_kind        TEXT
        CHECK (org_kind IS NULL
               OR org_kind IN ('municipality', 'region', 'agency', 'university', 'non_profit', 'other')),
    label           TEXT CHECK (label IS NULL OR length(label) BETWEEN 1 AND 200),
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    CHECK (organisation_id IS NULL OR org_kind IS NULL)
);
CREATE INDEX seat_group ON seat (group_id, position, id);
CREATE INDEX seat_organisation ON seat (organisation_id);
CREATE UNIQUE INDEX seat_one_per_role ON seat (group_id, organisation_id, role)
    WHERE organisation_id IS NOT NULL AND active = 1;

-- The seats of the one-per-organisation groups.
INSERT INTO seat (group_id, position, role, organisation_id)
SELECT s.group_id, s.organisation_id * 8 + r.n, r.role, s.organisation_id
FROM group_seat s
JOIN network_group g ON g.id = s.group_id AND g.one_per_org = 1
CROSS JOIN (SELECT 'representative' AS role, 0 AS n UNION ALL SELECT 'substitute', 1) r
ORDER BY s.group_id, s.organisation_id, r.n;

-- Seats for the roles served in every other (group, organisation), and for a role served
-- outside the rule in a one-per-organisation group (a chair, say).
INSERT INTO seat (group_id, position, role, organisation_id)
SELECT DISTINCT a.group_id, a.organisation_id * 8 + CASE a.role
        WHEN 'representative' THEN 0 WHEN 'substitute' THEN 1 WHEN 'member' THEN 2
        WHEN 'chair' THEN 3 ELSE 4 END,
       a.role, a.organisation_id
FROM appointment a
WHERE NOT EXISTS (
    SELECT 1 FROM seat s
    WHERE s.group_id = a.group_id AND s.organisation_id = a.organisation_id AND s.role = a.role)
ORDER BY a.group_id, a.organisation_id;

-- A member's seat for each listed organisation that has no seat yet.
INSERT INTO seat (group_id, position, role, organisation_id)
SELECT s.group_id, s.organisation_id * 8 + 2, 'member', s.organisation_id
FROM group_seat s
WHERE NOT EXISTS (
    SELECT 1 FROM seat t WHERE t.group_id = s.group_id AND t.organisation_id = s.organisation_id)
ORDER BY s.group_id, s.organisation_id;

-- Positions renumbered 1, 2, 3… within each group, in the order above.
UPDATE seat SET position = (
    SELECT count(*) FROM seat t
    WHERE t.group_id = seat.group_id
      AND (t.position < seat.position OR (t.position = seat.position AND t.id <= seat.id)));

DROP TABLE group_seat;

DROP TRIGGER appointment_one_seat_insert;
DROP TRIGGER appointment_one_seat_update;
DROP TRIGGER network_group_rule_on;
DROP TRIGGER appointment_history_kept;
-- Attaching the appointments to their seats is the migration's work, not a change to log.
DROP TRIGGER appointment_audit_insert;
DROP TRIGGER appointment_audit_update;

ALTER TABLE appointment ADD COLUMN seat_id INTEGER REFERENCES seat (id);
ALTER TABLE appointment ADD COLUMN created_at TEXT;
ALTER TABLE appointment ADD COLUMN withdrawn_at TEXT;
ALTER TABLE appointment ADD COLUMN withdrawn_by TEXT;
ALTER TABLE appointment ADD COLUMN withdrawn_reason TEXT;

UPDATE appointment SET seat_id = (
    SELECT s.id FROM seat s
    WHERE s.group_id = appointment.group_id AND s.organisation_id = appointment.organisation_id
      AND s.role = appointment.role);

CREATE INDEX appointment_seat_day ON appointment (seat_id, from_date);

-- Never two holders of one seat on one day; an appointment fills a seat of its group, in the
-- seat's role, for the seat's organisation (or one of its kind); a group with seats takes no
-- appointment outside them.
CREATE TRIGGER appointment_seat_insert
BEFORE INSERT ON appointment
BEGIN
    SELECT RAISE(ABORT, 'seat: appointments of a group with seats fill a seat')
    WHERE NEW.seat_id IS NULL
      AND (SELECT free_membership FROM network_group WHERE id = NEW.group_id) = 0;
    SELECT RAISE(ABORT, 'seat: the appointment does not fit the seat')
    WHERE NEW.seat_id IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM seat s JOIN organisation o ON o.id = NEW.organisation_id
        WHERE s.id = NEW.seat_id AND s.active = 1 AND s.group_id = NEW.group_id
          AND s.role = NEW.role
          AND (s.organisation_id = NEW.organisation_id
               OR (s.organisation_id IS NULL AND (s.org_kind IS NULL OR s.org_kind = o.kind))));
    SELECT RAISE(ABORT, 'seat: the seat is held in that period')
    WHERE NEW.seat_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM appointment a
        WHERE a.seat_id = NEW.seat_id AND a.withdrawn_at IS NULL
          AND a.from_date <= COALESCE(NEW.ended_on, '9999-12-31')
          AND COALESCE(a.ended_on, '9999-12-31') >= NEW.from_date);
END;

CREATE TRIGGER appointment_seat_update
BEFORE UPDATE OF ended_on ON appointment
WHEN NEW.seat_id IS NOT NULL AND NEW.withdrawn_at IS NULL
BEGIN
    SELECT RAISE(ABORT, 'seat: the seat is held in that period')
    WHERE EXISTS (
        SELECT 1 FROM appointment a
        WHERE a.id <> NEW.id AND a.seat_id = NEW.seat_id AND a.withdrawn_at IS NULL
          AND a.from_date <= COALESCE(NEW.ended_on, '9999-12-31')
          AND COALESCE(a.ended_on, '9999-12-31') >= NEW.from_date);
END;

-- History is never overwritten: who, where, which seat and role and from when are fixed; the
-- last day served is written once; a withdrawal is written once and only on an appointment that
-- has not ended; appointments are never deleted.
CREATE TRIGGER appointment_history_kept
BEFORE UPDATE ON appointment
WHEN NEW.person_id IS NOT OLD.person_id
  OR NEW.group_id IS NOT OLD.group_id
  OR NEW.organisation_id IS NOT OLD.organisation_id
  OR NEW.role IS NOT OLD.role
  OR NEW.from_date IS NOT OLD.from_date
  OR NEW.seat_id IS NOT OLD.seat_id
  OR NEW.created_at IS NOT OLD.created_at
  OR (OLD.ended_on IS NOT NULL AND NEW.ended_on IS NOT OLD.ended_on)
  OR (OLD.withdrawn_at IS NOT NULL AND (NEW.withdrawn_at IS NOT OLD.withdrawn_at
      OR NEW.withdrawn_by IS NOT OLD.withdrawn_by OR NEW.withdrawn_reason IS NOT OLD.withdrawn_reason
      OR NEW.ended_on IS NOT OLD.ended_on))
  OR (NEW.withdrawn_at IS NOT NULL AND OLD.withdrawn_at IS NULL AND OLD.ended_on IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'appointment history is kept');
END;

-- A seat that has been held is never removed, only retired (active = 0).
CREATE TRIGGER seat_history_kept
BEFORE DELETE ON seat
WHEN EXISTS (SELECT 1 FROM appointment a WHERE a.seat_id = OLD.id)
BEGIN
    SELECT RAISE(ABORT, 'seat: a seat that has been held is kept');
END;

CREATE TRIGGER appointment_audit_insert AFTER INSERT ON appointment BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'appointment', NEW.id, 'insert', NULL, json_object(
        'person_id', NEW.person_id, 'group_id', NEW.group_id,
        'organisation_id', NEW.organisation_id, 'role', NEW.role, 'seat_id', NEW.seat_id,
        'from_date', NEW.from_date, 'to_date', NEW.to_date, 'ended_on', NEW.ended_on));
END;
CREATE TRIGGER appointment_audit_update AFTER UPDATE ON appointment BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'appointment', NEW.id, 'update', json_object(
        'person_id', OLD.person_id, 'group_id', OLD.group_id,
        'organisation_id', OLD.organisation_id, 'role', OLD.role, 'seat_id', OLD.seat_id,
        'from_date', OLD.from_date, 'to_date', OLD.to_date, 'ended_on', OLD.ended_on,
        'withdrawn_at', OLD.withdrawn_at, 'withdrawn_by', OLD.withdrawn_by,
        'withdrawn_reason', OLD.withdrawn_reason), json_object(
        'person_id', NEW.person_id, 'group_id', NEW.group_id,
        'organisation_id', NEW.organisation_id, 'role', NEW.role, 'seat_id', NEW.seat_id,
        'from_date', NEW.from_date, 'to_date', NEW.to_date, 'ended_on', NEW.ended_on,
        'withdrawn_at', NEW.withdrawn_at, 'withdrawn_by', NEW.withdrawn_by,
        'withdrawn_reason', NEW.withdrawn_reason));
END;

CREATE TRIGGER seat_audit_insert AFTER INSERT ON seat BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'seat', NEW.id, 'insert', NULL, json_object(
        'group_id', NEW.group_id, 'position', NEW.position, 'role', NEW.role,
        'organisation_id', NEW.organisation_id, 'org_kind', NEW.org_kind, 'label', NEW.label,
        'active', NEW.active));
END;
CREATE TRIGGER seat_audit_update AFTER UPDATE ON seat BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'seat', NEW.id, 'update', json_object(
        'group_id', OLD.group_id, 'position', OLD.position, 'role', OLD.role,
        'organisation_id', OLD.organisation_id, 'org_kind', OLD.org_kind, 'label', OLD.label,
        'active', OLD.active), json_object(
        'group_id', NEW.group_id, 'position', NEW.position, 'role', NEW.role,
        'organisation_id', NEW.organisation_id, 'org_kind', NEW.org_kind, 'label', NEW.label,
        'active', NEW.active));
END;
CREATE TRIGGER seat_audit_delete AFTER DELETE ON seat BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'seat', OLD.id, 'delete', json_object(
        'group_id', OLD.group_id, 'position', OLD.position, 'role', OLD.role,
        'organisation_id', OLD.organisation_id, 'org_kind', OLD.org_kind, 'label', OLD.label,
        'active', OLD.active), NULL);
END;

-- The appointments a printed form named, whatever the seats' roles (the columns
-- representative_id and substitute_id of 0003 stay for the prints made before).
CREATE TABLE form_print_holder (
    print_id       INTEGER NOT NULL REFERENCES form_print (id) ON DELETE CASCADE,
    appointment_id INTEGER NOT NULL REFERENCES appointment (id),
    PRIMARY KEY (print_id, appointment_id)
) WITHOUT ROWID;
INSERT INTO form_print_holder (print_id, appointment_id)
SELECT id, representative_id FROM form_print WHERE representative_id IS NOT NULL
UNION
SELECT id, substitute_id FROM form_print WHERE substitute_id IS NOT NULL;
-- The day a form was printed for (a successor's form is printed before she starts).
ALTER TABLE form_print ADD COLUMN for_day TEXT CHECK (for_day IS NULL OR date(for_day) IS for_day);

DROP TRIGGER network_group_audit_insert;
DROP TRIGGER network_group_audit_update;
DROP TRIGGER network_group_audit_delete;
CREATE TRIGGER network_group_audit_insert AFTER INSERT ON network_group BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'group', NEW.id, 'insert', NULL, json_object(
        'name', NEW.name, 'kind', NEW.kind, 'meetings_per_year', NEW.meetings_per_year,
        'description', NEW.description, 'one_per_org', NEW.one_per_org,
        'free_membership', NEW.free_membership));
END;
CREATE TRIGGER network_group_audit_update AFTER UPDATE ON network_group BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'group', NEW.id, 'update', json_object(
        'name', OLD.name, 'kind', OLD.kind, 'meetings_per_year', OLD.meetings_per_year,
        'description', OLD.description, 'one_per_org', OLD.one_per_org,
        'free_membership', OLD.free_membership), json_object(
        'name', NEW.name, 'kind', NEW.kind, 'meetings_per_year', NEW.meetings_per_year,
        'description', NEW.description, 'one_per_org', NEW.one_per_org,
        'free_membership', NEW.free_membership));
END;
CREATE TRIGGER network_group_audit_delete AFTER DELETE ON network_group BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'group', OLD.id, 'delete', json_object(
        'name', OLD.name, 'kind', OLD.kind, 'meetings_per_year', OLD.meetings_per_year,
        'description', OLD.description, 'one_per_org', OLD.one_per_org,
        'free_membership', OLD.free_membership), NULL);
END;

-- A group with free membership has no seats; one with seats keeps them.
CREATE TRIGGER network_group_free_membership
BEFORE UPDATE OF free_membership ON network_group
WHEN NEW.free_membership = 1 AND OLD.free_membership = 0
BEGIN
    SELECT RAISE(ABORT, 'seat: a group with seats cannot have free membership')
    WHERE EXISTS (SELECT 1 FROM seat WHERE group_id = NEW.id)
       OR EXISTS (SELECT 1 FROM appointment WHERE group_id = NEW.id AND seat_id IS NOT NULL);
END;
CREATE TRIGGER seat_not_in_free_group
BEFORE INSERT ON seat
WHEN (SELECT free_membership FROM network_group WHERE id = NEW.group_id) = 1
BEGIN
    SELECT RAISE(ABORT, 'seat: a group with free membership has no seats');
END;
CREATE TRIGGER network_group_seats_again
BEFORE UPDATE OF free_membership ON network_group
WHEN NEW.free_membership = 0 AND OLD.free_membership = 1
BEGIN
    SELECT RAISE(ABORT, 'seat: a group whose members were appointed freely keeps free membership')
    WHERE EXISTS (SELECT 1 FROM appointment WHERE group_id = NEW.id);
END;
