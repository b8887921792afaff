-- 0008: the export log refers to people by reference. A description names a person as
-- `{person:ID}`, rendered with the person's current name when shown (so an erasure and the
-- protected-person rule apply to it like to every other value). Descriptions written before
-- (a register extract, a person's calendar) are rewritten to the reference. The log stays
-- append-only; the one update allowed is the redaction of an erased person's name from the
-- description and the file name.

DROP TRIGGER export_log_no_update;

UPDATE export_log
SET description = substr(description, 1, instr(description, '): ') + 2)
    || '{person:' || (SELECT person_id FROM export_person WHERE export_id = export_log.id) || '}'
WHERE kind = 'person_extract' AND instr(description, '): ') > 0
  AND (SELECT count(*) FROM export_person WHERE export_id = export_log.id) = 1;

UPDATE export_log
SET description = substr(description, 1, instr(description, ': ') + 1)
    || '{person:' || (SELECT person_id FROM export_person WHERE export_id = export_log.id) || '}'
WHERE kind = 'calendar' AND instr(description, ': ') > 0
  AND (SELECT count(*) FROM export_person WHERE export_id = export_log.id) = 1;

CREATE TRIGGER export_log_no_update BEFORE UPDATE ON export_log
WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.os_user IS NOT OLD.os_user
  OR NEW.kind IS NOT OLD.kind OR NEW.group_id IS NOT OLD.group_id OR NEW.people IS NOT OLD.people
  OR NEW.protected_included IS NOT OLD.protected_included
  -- A redaction puts an erased person's "Borttagen person N" where the name was.
  OR (NEW.description IS NOT OLD.description
      AND coalesce(instr(NEW.description, 'Borttagen person '), 0) = 0)
  OR (NEW.file IS NOT OLD.file AND coalesce(instr(NEW.file, 'Borttagen person '), 0) = 0)
BEGIN
    SELECT RAISE(ABORT, 'the export log is append-only');
END;
