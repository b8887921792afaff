-- 0006: the audit log covers the tables of the meetings (0004) and mandate-form (0003)
-- migrations, in the pattern of 0005: one change_log row per insert, update and delete, with
-- the row's values before and after as JSON. Attendance is logged under the person's id, so a
-- register extract finds it. A form wording's text is left out (it is in the table itself,
-- never changed); its language and time are logged.

CREATE TRIGGER meeting_audit_insert AFTER INSERT ON meeting BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'meeting', NEW.id, 'insert', NULL,
            json_object('group_id', NEW.group_id, 'date', NEW.date, 'start_time', NEW.start_time, 'end_time', NEW.end_time, 'place', NEW.place, 'online_link', NEW.online_link, 'agenda', NEW.agenda, 'status', NEW.status, 'extra', NEW.extra, 'sequence', NEW.sequence));
END;
CREATE TRIGGER meeting_audit_update AFTER UPDATE ON meeting BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'meeting', NEW.id, 'update',
            json_object('group_id', OLD.group_id, 'date', OLD.date, 'start_time', OLD.start_time, 'end_time', OLD.end_time, 'place', OLD.place, 'online_link', OLD.online_link, 'agenda', OLD.agenda, 'status', OLD.status, 'extra', OLD.extra, 'sequence', OLD.sequence),
            json_object('group_id', NEW.group_id, 'date', NEW.date, 'start_time', NEW.start_time, 'end_time', NEW.end_time, 'place', NEW.place, 'online_link', NEW.online_link, 'agenda', NEW.agenda, 'status', NEW.status, 'extra', NEW.extra, 'sequence', NEW.sequence));
END;
CREATE TRIGGER meeting_audit_delete AFTER DELETE ON meeting BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'meeting', OLD.id, 'delete',
            json_object('group_id', OLD.group_id, 'date', OLD.date, 'start_time', OLD.start_time, 'end_time', OLD.end_time, 'place', OLD.place, 'online_link', OLD.online_link, 'agenda', OLD.agenda, 'status', OLD.status, 'extra', OLD.extra, 'sequence', OLD.sequence), NULL);
END;

CREATE TRIGGER attendance_audit_insert AFTER INSERT ON attendance BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'attendance', NEW.person_id, 'insert', NULL,
            json_object('meeting_id', NEW.meeting_id, 'person_id', NEW.person_id, 'status', NEW.status, 'substitute_for', NEW.substitute_for));
END;
CREATE TRIGGER attendance_audit_update AFTER UPDATE ON attendance BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'attendance', NEW.person_id, 'update',
            json_object('meeting_id', OLD.meeting_id, 'person_id', OLD.person_id, 'status', OLD.status, 'substitute_for', OLD.substitute_for),
            json_object('meeting_id', NEW.meeting_id, 'person_id', NEW.person_id, 'status', NEW.status, 'substitute_for', NEW.substitute_for));
END;
CREATE TRIGGER attendance_audit_delete AFTER DELETE ON attendance BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'attendance', OLD.person_id, 'delete',
            json_object('meeting_id', OLD.meeting_id, 'person_id', OLD.person_id, 'status', OLD.status, 'substitute_for', OLD.substitute_for), NULL);
END;

CREATE TRIGGER group_plan_audit_insert AFTER INSERT ON group_plan BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'group_plan', NEW.group_id, 'insert', NULL,
            json_object('weekdays', NEW.weekdays, 'start_time', NEW.start_time, 'end_time', NEW.end_time, 'place', NEW.place, 'online_link', NEW.online_link));
END;
CREATE TRIGGER group_plan_audit_update AFTER UPDATE ON group_plan BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'group_plan', NEW.group_id, 'update',
            json_object('weekdays', OLD.weekdays, 'start_time', OLD.start_time, 'end_time', OLD.end_time, 'place', OLD.place, 'online_link', OLD.online_link),
            json_object('weekdays', NEW.weekdays, 'start_time', NEW.start_time, 'end_time', NEW.end_time, 'place', NEW.place, 'online_link', NEW.online_link));
END;
CREATE TRIGGER group_plan_audit_delete AFTER DELETE ON group_plan BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'group_plan', OLD.group_id, 'delete',
            json_object('weekdays', OLD.weekdays, 'start_time', OLD.start_time, 'end_time', OLD.end_time, 'place', OLD.place, 'online_link', OLD.online_link), NULL);
END;

CREATE TRIGGER blackout_audit_insert AFTER INSERT ON blackout BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'blackout', NEW.id, 'insert', NULL,
            json_object('group_id', NEW.group_id, 'from_date', NEW.from_date, 'to_date', NEW.to_date, 'label', NEW.label));
END;
CREATE TRIGGER blackout_audit_update AFTER UPDATE ON blackout BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'blackout', NEW.id, 'update',
            json_object('group_id', OLD.group_id, 'from_date', OLD.from_date, 'to_date', OLD.to_date, 'label', OLD.label),
            json_object('group_id', NEW.group_id, 'from_date', NEW.from_date, 'to_date', NEW.to_date, 'label', NEW.label));
END;
CREATE TRIGGER blackout_audit_delete AFTER DELETE ON blackout BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'blackout', OLD.id, 'delete',
            json_object('group_id', OLD.group_id, 'from_date', OLD.from_date, 'to_date', OLD.to_date, 'label', OLD.label), NULL);
END;

CREATE TRIGGER form_print_audit_insert AFTER INSERT ON form_print BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'form_print', NEW.id, 'insert', NULL,
            json_object('group_id', NEW.group_id, 'organisation_id', NEW.organisation_id, 'printed_at', NEW.printed_at, 'wording_id', NEW.wording_id, 'representative_id', NEW.representative_id, 'substitute_id', NEW.substitute_id, 'principal', NEW.principal, 'signed_on', NEW.signed_on, 'note', NEW.note));
END;
CREATE TRIGGER form_print_audit_update AFTER UPDATE ON form_print BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'form_print', NEW.id, 'update',
            json_object('group_id', OLD.group_id, 'organisation_id', OLD.organisation_id, 'printed_at', OLD.printed_at, 'wording_id', OLD.wording_id, 'representative_id', OLD.representative_id, 'substitute_id', OLD.substitute_id, 'principal', OLD.principal, 'signed_on', OLD.signed_on, 'note', OLD.note),
            json_object('group_id', NEW.group_id, 'organisation_id', NEW.organisation_id, 'printed_at', NEW.printed_at, 'wording_id', NEW.wording_id, 'representative_id', NEW.representative_id, 'substitute_id', NEW.substitute_id, 'principal', NEW.principal, 'signed_on', NEW.signed_on, 'note', NEW.note));
END;
CREATE TRIGGER form_print_audit_delete AFTER DELETE ON form_print BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'form_print', OLD.id, 'delete',
            json_object('group_id', OLD.group_id, 'organisation_id', OLD.organisation_id, 'printed_at', OLD.printed_at, 'wording_id', OLD.wording_id, 'representative_id', OLD.representative_id, 'substitute_id', OLD.substitute_id, 'principal', OLD.principal, 'signed_on', OLD.signed_on, 'note', OLD.note), NULL);
END;

CREATE TRIGGER form_wording_audit_insert AFTER INSERT ON form_wording BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'form_wording', NEW.id, 'insert', NULL,
            json_object('lang', NEW.lang, 'created_at', NEW.created_at));
END;
CREATE TRIGGER form_wording_audit_update AFTER UPDATE ON form_wording BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'form_wording', NEW.id, 'update',
            json_object('lang', OLD.lang, 'created_at', OLD.created_at),
            json_object('lang', NEW.lang, 'created_at', NEW.created_at));
END;
CREATE TRIGGER form_wording_audit_delete AFTER DELETE ON form_wording BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'form_wording', OLD.id, 'delete',
            json_object('lang', OLD.lang, 'created_at', OLD.created_at), NULL);
END;
