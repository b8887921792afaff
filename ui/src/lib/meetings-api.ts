// Typed calls to the meeting commands of the shell (src-tauri/src/commands/meetings.rs):
// the year plan, meetings, attendance and the exports. Rejects only with an `AppError`.

import { invoke as tauriInvoke, type InvokeArgs } from "@tauri-apps/api/core";
import { toAppError } from "./api";
import type { Agenda } from "./bindings/Agenda";
import type { AgendaItemDraft } from "./bindings/AgendaItemDraft";
import type { AgendaOf } from "./bindings/AgendaOf";
import type { AttendanceStatus } from "./bindings/AttendanceStatus";
import type { Blackout } from "./bindings/Blackout";
import type { BlackoutDraft } from "./bindings/BlackoutDraft";
import type { CalendarQuery } from "./bindings/CalendarQuery";
import type { DayWarning } from "./bindings/DayWarning";
import type { ExportOutcome } from "./bindings/ExportOutcome";
import type { ForbiddenDay } from "./bindings/ForbiddenDay";
import type { MailingList } from "./bindings/MailingList";
import type { Meeting } from "./bindings/Meeting";
import type { MeetingAttendance } from "./bindings/MeetingAttendance";
import type { MeetingDraft } from "./bindings/MeetingDraft";
import type { OrganiserInfo } from "./bindings/OrganiserInfo";
import type { PlanProposal } from "./bindings/PlanProposal";
import type { PlanSettings } from "./bindings/PlanSettings";
import type { PlannedMeeting } from "./bindings/PlannedMeeting";
import type { InvitationOutcome } from "./bindings/InvitationOutcome";
import type { InvitationRequest } from "./bindings/InvitationRequest";
import type { InvitationState } from "./bindings/InvitationState";
import type { MailWording } from "./bindings/MailWording";
import type { MailWordingVersion } from "./bindings/MailWordingVersion";
import type { Minutes } from "./bindings/Minutes";
import type { MinutesItemDraft } from "./bindings/MinutesItemDraft";
import type { MinutesOutcome } from "./bindings/MinutesOutcome";
import type { MinutesPeople } from "./bindings/MinutesPeople";
import type { Roster } from "./bindings/Roster";
import type { RosterFormat } from "./bindings/RosterFormat";

/** Every meeting command: name → arguments and result (types generated from Rust). */
export interface MeetingCommands {
  list_meetings: { args: { groupId: number | null; year: number | null }; result: Meeting[] };
  add_meeting: { args: { draft: MeetingDraft }; result: Meeting };
  edit_meeting: { args: { id: number; draft: MeetingDraft }; result: Meeting };
  cancel_meeting: { args: { id: number }; result: Meeting };
  plan_settings: { args: { groupId: number }; result: PlanSettings };
  set_plan_settings: { args: { settings: PlanSettings }; result: PlanSettings };
  list_blackouts: { args: undefined; result: Blackout[] };
  add_blackout: { args: { draft: BlackoutDraft }; result: Blackout };
  remove_blackout: { args: { id: number }; result: Blackout };
  forbidden_days: { args: { year: number; groupId: number | null }; result: ForbiddenDay[] };
  meeting_day_warning: { args: { groupId: number; date: string }; result: DayWarning | null };
  propose_plan: { args: { year: number; groupId: number | null }; result: PlanProposal };
  apply_plan: { args: { year: number; meetings: PlannedMeeting[] }; result: Meeting[] };
  meeting_attendance: { args: { id: number }; result: MeetingAttendance };
  set_attendance: {
    args: { meetingId: number; personId: number; status: AttendanceStatus; substituteFor: number | null };
    result: MeetingAttendance;
  };
  roster_preview: {
    args: { groupId: number; meetingId: number | null; include: number[] };
    result: Roster;
  };
  export_roster: {
    args: {
      groupId: number;
      meetingId: number | null;
      format: RosterFormat;
      path: string;
      include: number[];
    };
    result: ExportOutcome;
  };
  mailing_list: {
    args: { groupId: number; meetingId: number | null; include: number[] };
    result: MailingList;
  };
  export_attendance_list: {
    args: { meetingId: number; path: string; include: number[] };
    result: ExportOutcome;
  };
  export_calendar: { args: { query: CalendarQuery; path: string }; result: ExportOutcome };
  organiser: { args: undefined; result: OrganiserInfo };
  set_organiser: { args: { info: OrganiserInfo }; result: OrganiserInfo };
  agenda: { args: { of: AgendaOf }; result: Agenda };
  add_agenda_item: { args: { of: AgendaOf; draft: AgendaItemDraft; at: number | null }; result: Agenda };
  edit_agenda_item: { args: { of: AgendaOf; position: number; draft: AgendaItemDraft }; result: Agenda };
  move_agenda_item: { args: { of: AgendaOf; position: number; to: number }; result: Agenda };
  remove_agenda_item: { args: { of: AgendaOf; position: number }; result: Agenda };
  reset_agenda: { args: { meetingId: number }; result: Agenda };
  invitation: { args: { meetingId: number; include: number[] }; result: InvitationState };
  write_invitation: {
    args: { meetingId: number; eml: string | null; pdf: string | null; request: InvitationRequest };
    result: InvitationOutcome;
  };
  mail_wording: { args: undefined; result: MailWordingVersion };
  save_mail_wording: { args: { wording: MailWording }; result: MailWordingVersion };
  minutes: { args: { meetingId: number; include: number[] }; result: Minutes };
  set_minutes_item: { args: { meetingId: number; position: number; draft: MinutesItemDraft }; result: Minutes };
  set_minutes_people: { args: { meetingId: number; people: MinutesPeople }; result: Minutes };
  check_minutes: { args: { meetingId: number }; result: Minutes };
  write_minutes: {
    args: { meetingId: number; pdf: string | null; eml: string | null; request: InvitationRequest };
    result: MinutesOutcome;
  };
}

type Name = keyof MeetingCommands;

/** Calls a meeting command; rejects only with an `AppError`. */
export async function meetingCall<C extends Name>(
  cmd: C,
  ...args: MeetingCommands[C]["args"] extends undefined ? [] : [MeetingCommands[C]["args"]]
): Promise<MeetingCommands[C]["result"]> {
  try {
    return await tauriInvoke<MeetingCommands[C]["result"]>(cmd, args[0] as InvokeArgs | undefined);
  } catch (err) {
    throw toAppError(err);
  }
}
