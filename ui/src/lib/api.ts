// The one door to the backend: typed commands, typed errors.
//
// Every command the shell registers is listed in `Commands` with its arguments and result,
// so a call site cannot misspell a command or misread its result. A rejected call always
// becomes an `AppError`: the UI decides what to do from `code` and shows `message` as is.

import { invoke as tauriInvoke, type InvokeArgs } from "@tauri-apps/api/core";
import type { AppointOutcome } from "./bindings/AppointOutcome";
import type { AppointInput } from "./bindings/AppointInput";
import type { Appointment } from "./bindings/Appointment";
import type { ContactDraft } from "./bindings/ContactDraft";
import type { Coverage } from "./bindings/Coverage";
import type { ReportFormat } from "./bindings/ReportFormat";
import type { ReportSection } from "./bindings/ReportSection";
import type { ReportText } from "./bindings/ReportText";
import type { ReportWording } from "./bindings/ReportWording";
import type { SavedReport } from "./bindings/SavedReport";
import type { YearReport } from "./bindings/YearReport";
import type { Group } from "./bindings/Group";
import type { GroupDetail } from "./bindings/GroupDetail";
import type { GroupDraft } from "./bindings/GroupDraft";
import type { GroupSummary } from "./bindings/GroupSummary";
import type { InternalContact } from "./bindings/InternalContact";
import type { Lang } from "./bindings/Lang";
import type { LocalGroupDraft } from "./bindings/LocalGroupDraft";
import type { OrgDetail } from "./bindings/OrgDetail";
import type { OrgDraft } from "./bindings/OrgDraft";
import type { OrgQuery } from "./bindings/OrgQuery";
import type { OrgSort } from "./bindings/OrgSort";
import type { PersonSort } from "./bindings/PersonSort";
import type { Page } from "./bindings/Page";
import type { PageRequest } from "./bindings/PageRequest";
import type { Overview } from "./bindings/Overview";
import type { ReminderOutcome } from "./bindings/ReminderOutcome";
import type { ReminderRequest } from "./bindings/ReminderRequest";
import type { Reminders } from "./bindings/Reminders";
import type { GapRow } from "./bindings/GapRow";
import type { Organisation } from "./bindings/Organisation";
import type { Person } from "./bindings/Person";
import type { PersonDetail } from "./bindings/PersonDetail";
import type { PersonDraft } from "./bindings/PersonDraft";
import type { PersonQuery } from "./bindings/PersonQuery";
import type { PrincipalDraft } from "./bindings/PrincipalDraft";
import type { RegisterInfo } from "./bindings/RegisterInfo";
import type { Role } from "./bindings/Role";
import type { SeatHolder } from "./bindings/SeatHolder";
import type { Seat } from "./bindings/Seat";
import type { SeatDraft } from "./bindings/SeatDraft";
import type { SeatView } from "./bindings/SeatView";
import type { Vacancy } from "./bindings/Vacancy";
import type { BackupInfo } from "./bindings/BackupInfo";
import type { CheckReport } from "./bindings/CheckReport";
import type { LogLine } from "./bindings/LogLine";
import type { RestoreReport } from "./bindings/RestoreReport";
import type { ImportField } from "./bindings/ImportField";
import type { ImportPreview } from "./bindings/ImportPreview";
import type { ImportReport } from "./bindings/ImportReport";
import type { ImportChoices } from "./bindings/ImportChoices";
import type { TemplateFormat } from "./bindings/TemplateFormat";
import type { Erasure } from "./bindings/Erasure";
import type { ExtractFormat } from "./bindings/ExtractFormat";
import type { PersonExtract } from "./bindings/PersonExtract";
import type { RetentionCandidate } from "./bindings/RetentionCandidate";
import type { BatchOutcome } from "./bindings/BatchOutcome";
import type { FormStatusRow } from "./bindings/FormStatusRow";
import type { PrintedForm } from "./bindings/PrintedForm";
import type { Wording } from "./bindings/Wording";
import type { WordingVersion } from "./bindings/WordingVersion";
import type { Channel } from "@tauri-apps/api/core";

import type { ErrorCode } from "./bindings/ErrorCode";
import type { FirstSteps } from "./bindings/FirstSteps";
import { t } from "./i18n/index.svelte";
import type { Field } from "./bindings/Field";

export type { ErrorCode };

/** Every code of the core's `ErrorCode` (generated into ./bindings); the compiler checks the list. */
export const ERROR_CODES = [
  "invalid",
  "not_found",
  "ambiguous",
  "conflict",
  "in_use",
  "exists",
  "newer_version",
  "not_a_register",
  "internal",
  "damaged",
  "locked",
  "file",
] as const satisfies readonly ErrorCode[];
// Fails to compile when the core gains a code that the list above lacks.
type _AllCodesListed = ErrorCode extends (typeof ERROR_CODES)[number] ? true : never;
const _allCodesListed: _AllCodesListed = true;
void _allCodesListed;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** The form field the error is about, when it is about one. */
  readonly field: Field | undefined;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; field?: Field }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
    this.field = options?.field;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * Turns whatever a rejected call produced into an `AppError`. The backend's `{code, message}`
 * keeps its code and its message (in the user's language); anything else (a string from Tauri
 * itself or a plugin, a thrown Error) is `internal`, with a message in the user's language:
 * no text that is not in her language reaches the screen.
 */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (typeof err === "object" && err !== null && "code" in err && "message" in err) {
    const { code, message, field } = err as { code: unknown; message: unknown; field?: unknown };
    return new AppError(isErrorCode(code) ? code : "internal", String(message), {
      cause: err,
      field: typeof field === "string" ? (field as Field) : undefined,
    });
  }
  // Not the backend's: a string from Tauri or a plugin, or a thrown Error, in English and
  // for developers. The user reads a message in her language; the text goes to the console.
  console.error("unexpected error:", err);
  return new AppError("internal", t("error.internal"), { cause: err });
}

// ---- Commands -------------------------------------------------------------------------

export interface AppInfo {
  name: string;
  version: string;
}

/** Every command of the shell: name → arguments and result (types generated from Rust). */
export interface Commands {
  app_info: { args: undefined; result: AppInfo };
  ui_ready: { args: undefined; result: null };
  open_exported: { args: { path: string }; result: null };
  set_language: { args: { lang: Lang }; result: null };
  register_info: { args: undefined; result: RegisterInfo };
  today: { args: undefined; result: string };
  first_steps: { args: undefined; result: FirstSteps };
  list_orgs: { args: { query: Partial<OrgQuery> }; result: Organisation[] };
  org_page: {
    args: { query: Partial<OrgQuery>; sort: OrgSort; descending: boolean; page: PageRequest };
    result: Page<Organisation>;
  };
  org_detail: { args: { id: number }; result: OrgDetail };
  add_org: { args: { draft: OrgDraft; groups: number[] }; result: Organisation };
  edit_org: { args: { id: number; draft: OrgDraft }; result: Organisation };
  remove_org: { args: { id: number }; result: null };
  set_principal: { args: { id: number; draft: PrincipalDraft }; result: Organisation };
  set_local_group: { args: { id: number; draft: LocalGroupDraft }; result: Organisation };
  add_contact: { args: { orgId: number; draft: ContactDraft }; result: InternalContact };
  remove_contact: { args: { id: number }; result: InternalContact };
  seat_org: { args: { groupId: number; orgId: number }; result: boolean };
  unseat_org: { args: { groupId: number; orgId: number }; result: boolean };
  list_people: { args: { query: Partial<PersonQuery> }; result: Person[] };
  people_page: {
    args: { query: Partial<PersonQuery>; sort: PersonSort; descending: boolean; page: PageRequest };
    result: Page<Person>;
  };
  person_detail: { args: { id: number }; result: PersonDetail };
  add_person: { args: { draft: PersonDraft }; result: Person };
  edit_person: { args: { id: number; draft: PersonDraft }; result: Person };
  remove_person: { args: { id: number }; result: null };
  list_groups: { args: undefined; result: GroupSummary[] };
  group_detail: { args: { id: number }; result: GroupDetail };
  add_group: { args: { draft: GroupDraft }; result: Group };
  edit_group: { args: { id: number; draft: GroupDraft }; result: Group };
  remove_group: { args: { id: number }; result: null };
  seat_holder: {
    args: { groupId: number; orgId: number; role: Role; day: string };
    result: SeatHolder;
  };
  appoint: { args: { request: AppointInput }; result: AppointOutcome };
  appoint_new_person: { args: { person: PersonDraft; request: AppointInput }; result: AppointOutcome };
  end_appointment: { args: { id: number; lastDay: string }; result: Appointment };
  vacancies: { args: { withinDays: number; groupId: number | null }; result: Vacancy[] };
  overview: { args: { withinDays: number }; result: Overview };
  overview_gaps: { args: { groupId: number; withinDays: number; page: PageRequest }; result: Page<GapRow> };
  coverage: { args: undefined; result: Coverage };
  reminders: {
    args: { withinDays: number | null; include: number[]; page: PageRequest };
    result: Reminders;
  };
  write_reminders: { args: { dir: string; request: ReminderRequest }; result: ReminderOutcome };
  set_reminder_days: { args: { days: number }; result: number };
  year_report: { args: { year: number; groupId: number | null; compare: number | null }; result: YearReport };
  save_year_report: {
    args: { year: number; groupId: number | null; compare: number | null; format: ReportFormat; path: string };
    result: SavedReport;
  };
  set_report_text: { args: { year: number; section: ReportSection; text: string }; result: ReportText[] };
  report_wording: { args: undefined; result: ReportWording };
  set_report_wording: { args: { wording: ReportWording | null }; result: ReportWording };
  group_seats: { args: { groupId: number; day?: string | null }; result: SeatView[] };
  add_seat: { args: { groupId: number; draft: SeatDraft }; result: Seat };
  remove_seat: { args: { seatId: number }; result: null };
  seat_holder_of: { args: { seatId: number; day: string }; result: SeatHolder };
  withdraw_appointment: { args: { id: number; reason: string }; result: Appointment };
  list_backups: { args: undefined; result: BackupInfo[] };
  make_backup: { args: { out?: string | null }; result: BackupInfo };
  restore_backup: { args: { path: string }; result: RestoreReport };
  check_register: { args: undefined; result: CheckReport };
  newest_good_backup: { args: undefined; result: BackupInfo | null };
  rescue_register: { args: { path: string }; result: RestoreReport };
  audit_log: { args: { since: string | null; entity: string | null }; result: LogLine[] };
  export_audit_log: {
    args: { since: string | null; entity: string | null; path: string; includeProtected: boolean };
    result: number;
  };
  import_preview: { args: { path: string }; result: ImportPreview };
  import_run: {
    args: { path: string; fields: (ImportField | null)[]; choices: ImportChoices };
    result: ImportReport;
  };
  import_template: { args: { path: string; format: TemplateFormat }; result: null };
  extract_person: {
    args: { personId: number; path: string; format: ExtractFormat };
    result: PersonExtract;
  };
  erase_person: { args: { personId: number }; result: Erasure };
  retention_list: { args: { months: number }; result: RetentionCandidate[] };
  retention_months: { args: undefined; result: number };
  set_retention_months: { args: { months: number }; result: number };
  erase_people: { args: { personIds: number[] }; result: Erasure[] };
  default_form_group: { args: undefined; result: number };
  form_status: { args: { groupId: number | null }; result: FormStatusRow[] };
  print_form: {
    args: { orgId: number; groupId: number; path: string; on?: string | null };
    result: PrintedForm;
  };
  print_forms: {
    args: {
      groupId: number;
      dir: string;
      combined: string | null;
      includeProtected: boolean;
      onProgress: Channel<BatchProgress>;
    };
    result: BatchOutcome;
  };
  cancel_print_forms: { args: undefined; result: null };
  form_signed: {
    args: { orgId: number; groupId: number; on: string; note: string | null };
    result: FormStatusRow;
  };
  form_wording: { args: { lang: Lang }; result: WordingVersion };
  default_form_wording: { args: { lang: Lang }; result: Wording };
  save_form_wording: { args: { lang: Lang; wording: Wording }; result: WordingVersion };
  form_placeholders: {
    args: { orgId: number; groupId: number; lang: Lang };
    result: [string, string][];
  };
}

/** Sent by `print_forms` after each form. */
export interface BatchProgress {
  done: number;
  total: number;
  organisation: string;
}

export type CommandName = keyof Commands;
type ArgsOf<C extends CommandName> = Commands[C]["args"];
type ResultOf<C extends CommandName> = Commands[C]["result"];

/** Calls a backend command; rejects only with an `AppError`. */
export async function invoke<C extends CommandName>(
  cmd: C,
  ...args: ArgsOf<C> extends undefined ? [] : [ArgsOf<C>]
): Promise<ResultOf<C>> {
  try {
    return await tauriInvoke<ResultOf<C>>(cmd, args[0] as InvokeArgs | undefined);
  } catch (err) {
    throw toAppError(err);
  }
}

/** Named helpers, one per command, for call sites that read better with them. */
export const api = {
  appInfo: () => invoke("app_info"),
};
