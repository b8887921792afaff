-- 0009: an internal contact is a person too, and may have protected personal data
-- (skyddade personuppgifter). The flag is logged like a person's.

ALTER TABLE internal_contact ADD COLUMN protected INTEGER NOT NULL DEFAULT 0
    CHECK (protected IN (0, 1));

DROP TRIGGER internal_contact_audit_insert;
DROP TRIGGER internal_contact_audit_update;
DROP TRIGGER internal_contact_audit_delete;

CREATE TRIGGER internal_contact_audit_insert AFTER INSERT ON internal_contact BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'contact', NEW.id, 'insert', NULL, json_object(
        'organisation_id', NEW.organisation_id, 'function', NEW.function, 'name', NEW.name,
        'email', NEW.email, 'phone', NEW.phone, 'protected', NEW.protected));
END;
CREATE TRIGGER internal_contact_audit_update AFTER UPDATE ON internal_contact BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'contact', NEW.id, 'update', json_object(
        'organisation_id', OLD.organisation_id, 'function', OLD.function, 'name', OLD.name,
        'email', OLD.email, 'phone', OLD.phone, 'protected', OLD.protected), json_object(
        'organisation_id', NEW.organisation_id, 'function', NEW.function, 'name', NEW.name,
        'email', NEW.email, 'phone', NEW.phone, 'protected', NEW.protected));
END;
CREATE TRIGGER internal_contact_audit_delete AFTER DELETE ON internal_contact BEGIN
    INSERT INTO change_log (os_user, entity, entity_id, action, old, new)
    VALUES (samverkan_user(), 'contact', OLD.id, 'delete', json_object(
        'organisation_id', OLD.organisation_id, 'function', OLD.function, 'name', OLD.name,
        'email', OLD.email, 'phone', OLD.phone, 'protected', OLD.protected), NULL);
END;
