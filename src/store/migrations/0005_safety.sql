-- 0005: keeping the register safe. The audit log of changes (`change_log`): every insert,
-- update and delete of the register's tables is written by a trigger as old → new JSON, with
-- the time and the OS user (supplied by the application-defined function `samverkan_user()`,
-- registered on every connection Samverkan opens, so a write from outside Samverkan is
-- refused rather than left unrecorded). Erasures (anonymisation under the GDPR) are recorded in
-- `erasure`, so that they can be re-applied after an older backup is restored.
--
-- A later migration that adds a table audits it the same way: three triggers
-- `<table>_audit_insert/update/delete` writing one `change_log` row each (see
-- docs/ARCHITECTURE.md, "The audit log").

CREATE TABLE change_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    os_user   TEXT    NOT NULL,
    entity    TEXT    NOT NULL,             -- the table
    entity_id INTEGER,                      -- its row id, when it has one
    action    TEXT    NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    old       TEXT CHECK (old IS NULL OR json_valid(old)),
    new       TEXT CHECK (new IS NULL OR json_valid(new)),
    -- 1 once the values were removed because the person they describe was erased.
    redacted  INTEGER NOT NULL DEFAULT 0 CHECK (redacted IN (0, 1))
);
CREATE INDEX change_log_at ON change_log (at);
CREATE INDEX change_log_entity ON change_log (entity, entity_id);

-- Append-only: the one change allowed is redaction (values cleared, flag set, nothing else).
CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
WHEN NOT (NEW.redacted = 1 AND NEW.old IS NULL AND NEW.new IS NULL
          AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.os_user IS OLD.os_user
          AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id
          AND NEW.action IS OLD.action)
BEGIN
    SELECT RAISE(ABORT, 'the change log is append-only');
END;

CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
BEGIN
    SELECT RAISE(ABORT, 'the change log is append-only');
END;

-- People anonymised: "Borttagen person N" (N = number). Kept so that the erasure is
-- re-applied when an older backup is restored.
CREATE TABLE erasure (
    person_id INTEGER PRIMARY KEY,
    number    INTEGER NOT NULL UNIQUE CHECK (number >= 1),
    at        TEXT    NOT NULL,
    os_user   TEXT    NOT NULL
);

-- The audited tables. Derived columns (name_key, sort_key, short_key) are left out.

CREATE TRIGGER setting_audit_insert AFTER INSERT ON setting BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'setting', NULL, 'insert', NULL,
            json_object('key', NEW.key, 'value', NEW.value));
END;
CREATE TRIGGER setting_audit_update AFTER UPDATE ON setting
WHEN NEW.value IS NOT OLD.value OR NEW.key IS NOT OLD.key BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'setting', NULL, 'update',
            json_object('key', OLD.key, 'value', OLD.value),
            json_object('key', NEW.key, 'value', NEW.value));
END;
CREATE TRIGGER setting_audit_delete AFTER DELETE ON setting BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'setting', NULL, 'delete',
            json_object('key', OLD.key, 'value', OLD.value), NULL);
END;

CREATE TRIGGER organisation_audit_insert AFTER INSERT ON organisation BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'organisation', NEW.id, 'insert', NULL, json_object(
        'name', NEW.name, 'short_name', NEW.short_name, 'kind', NEW.kind,
        'org_number', NEW.org_number, 'postal_address', NEW.postal_address,
        'email', NEW.email, 'phone', NEW.phone, 'notes', NEW.notes, 'active', NEW.active,
        'principal_name', NEW.principal_name, 'principal_title', NEW.principal_title,
        'principal_email', NEW.principal_email, 'principal_phone', NEW.principal_phone,
        'local_group_name', NEW.local_group_name,
        'local_group_contact', NEW.local_group_contact));
END;
CREATE TRIGGER organisation_audit_update AFTER UPDATE ON organisation BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'organisation', NEW.id, 'update', json_object(
        'name', OLD.name, 'short_name', OLD.short_name, 'kind', OLD.kind,
        'org_number', OLD.org_number, 'postal_address', OLD.postal_address,
        'email', OLD.email, 'phone', OLD.phone, 'notes', OLD.notes, 'active', OLD.active,
        'principal_name', OLD.principal_name, 'principal_title', OLD.principal_title,
        'principal_email', OLD.principal_email, 'principal_phone', OLD.principal_phone,
        'local_group_name', OLD.local_group_name,
        'local_group_contact', OLD.local_group_contact), json_object(
        'name', NEW.name, 'short_name', NEW.short_name, 'kind', NEW.kind,
        'org_number', NEW.org_number, 'postal_address', NEW.postal_address,
        'email', NEW.email, 'phone', NEW.phone, 'notes', NEW.notes, 'active', NEW.active,
        'principal_name', NEW.principal_name, 'principal_title', NEW.principal_title,
        'principal_email', NEW.principal_email, 'principal_phone', NEW.principal_phone,
        'local_group_name', NEW.local_group_name,
        'local_group_contact', NEW.local_group_contact));
END;
CREATE TRIGGER organisation_audit_delete AFTER DELETE ON organisation BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'organisation', OLD.id, 'delete', json_object(
        'name', OLD.name, 'short_name', OLD.short_name, 'kind', OLD.kind,
        'org_number', OLD.org_number, 'postal_address', OLD.postal_address,
        'email', OLD.email, 'phone', OLD.phone, 'notes', OLD.notes, 'active', OLD.active,
        'principal_name', OLD.principal_name, 'principal_title', OLD.principal_title,
        'principal_email', OLD.principal_email, 'principal_phone', OLD.principal_phone,
        'local_group_name', OLD.local_group_name,
        'local_group_contact', OLD.local_group_contact), NULL);
END;

CREATE TRIGGER internal_contact_audit_insert AFTER INSERT ON internal_contact BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'contact', NEW.id, 'insert', NULL, json_object(
        'organisation_id', NEW.organisation_id, 'function', NEW.function, 'name', NEW.name,
        'email', NEW.email, 'phone', NEW.phone));
END;
CREATE TRIGGER internal_contact_audit_update AFTER UPDATE ON internal_contact BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'contact', NEW.id, 'update', json_object(
        'organisation_id', OLD.organisation_id, 'function', OLD.function, 'name', OLD.name,
        'email', OLD.email, 'phone', OLD.phone), json_object(
        'organisation_id', NEW.organisation_id, 'function', NEW.function, 'name', NEW.name,
        'email', NEW.email, 'phone', NEW.phone));
END;
CREATE TRIGGER internal_contact_audit_delete AFTER DELETE ON internal_contact BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'contact', OLD.id, 'delete', json_object(
        'organisation_id', OLD.organisation_id, 'function', OLD.function, 'name', OLD.name,
        'email', OLD.email, 'phone', OLD.phone), NULL);
END;

CREATE TRIGGER person_audit_insert AFTER INSERT ON person BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'person', NEW.id, 'insert', NULL, json_object(
        'name', NEW.name, 'title', NEW.title, 'organisation_id', NEW.organisation_id,
        'email', NEW.email, 'phone', NEW.phone, 'protected', NEW.protected, 'notes', NEW.notes));
END;
CREATE TRIGGER person_audit_update AFTER UPDATE ON person BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'person', NEW.id, 'update', json_object(
        'name', OLD.name, 'title', OLD.title, 'organisation_id', OLD.organisation_id,
        'email', OLD.email, 'phone', OLD.phone, 'protected', OLD.protected, 'notes', OLD.notes),
        json_object(
        'name', NEW.name, 'title', NEW.title, 'organisation_id', NEW.organisation_id,
        'email', NEW.email, 'phone', NEW.phone, 'protected', NEW.protected, 'notes', NEW.notes));
END;
CREATE TRIGGER person_audit_delete AFTER DELETE ON person BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'person', OLD.id, 'delete', json_object(
        'name', OLD.name, 'title', OLD.title, 'organisation_id', OLD.organisation_id,
        'email', OLD.email, 'phone', OLD.phone, 'protected', OLD.protected, 'notes', OLD.notes),
        NULL);
END;

CREATE TRIGGER network_group_audit_insert AFTER INSERT ON network_group BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'group', NEW.id, 'insert', NULL, json_object(
        'name', NEW.name, 'kind', NEW.kind, 'meetings_per_year', NEW.meetings_per_year,
        'description', NEW.description, 'one_per_org', NEW.one_per_org));
END;
CREATE TRIGGER network_group_audit_update AFTER UPDATE ON network_group BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'group', NEW.id, 'update', json_object(
        'name', OLD.name, 'kind', OLD.kind, 'meetings_per_year', OLD.meetings_per_year,
        'description', OLD.description, 'one_per_org', OLD.one_per_org), json_object(
        'name', NEW.name, 'kind', NEW.kind, 'meetings_per_year', NEW.meetings_per_year,
        'description', NEW.description, 'one_per_org', NEW.one_per_org));
END;
CREATE TRIGGER network_group_audit_delete AFTER DELETE ON network_group BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'group', OLD.id, 'delete', json_object(
        'name', OLD.name, 'kind', OLD.kind, 'meetings_per_year', OLD.meetings_per_year,
        'description', OLD.description, 'one_per_org', OLD.one_per_org), NULL);
END;

CREATE TRIGGER group_seat_audit_insert AFTER INSERT ON group_seat BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'seat', NULL, 'insert', NULL,
            json_object('group_id', NEW.group_id, 'organisation_id', NEW.organisation_id));
END;
CREATE TRIGGER group_seat_audit_delete AFTER DELETE ON group_seat BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'seat', NULL, 'delete',
            json_object('group_id', OLD.group_id, 'organisation_id', OLD.organisation_id), NULL);
END;

CREATE TRIGGER appointment_audit_insert AFTER INSERT ON appointment BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'appointment', NEW.id, 'insert', NULL, json_object(
        'person_id', NEW.person_id, 'group_id', NEW.group_id,
        'organisation_id', NEW.organisation_id, 'role', NEW.role, 'from_date', NEW.from_date,
        'to_date', NEW.to_date, 'ended_on', NEW.ended_on));
END;
CREATE TRIGGER appointment_audit_update AFTER UPDATE ON appointment BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'appointment', NEW.id, 'update', json_object(
        'person_id', OLD.person_id, 'group_id', OLD.group_id,
        'organisation_id', OLD.organisation_id, 'role', OLD.role, 'from_date', OLD.from_date,
        'to_date', OLD.to_date, 'ended_on', OLD.ended_on), json_object(
        'person_id', NEW.person_id, 'group_id', NEW.group_id,
        'organisation_id', NEW.organisation_id, 'role', NEW.role, 'from_date', NEW.from_date,
        'to_date', NEW.to_date, 'ended_on', NEW.ended_on));
END;
