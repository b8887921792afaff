// Shapes the core sends, for the unit tests of the network screens (ids cross IPC as numbers).
import type { Appointment } from "../../lib/bindings/Appointment";
import type { Group } from "../../lib/bindings/Group";
import type { Person } from "../../lib/bindings/Person";
import type { Seat } from "../../lib/bindings/Seat";
import type { SeatView } from "../../lib/bindings/SeatView";

const id = (n: number) => n;

export const county: Group = {
  id: id(2),
  name: "Länsgruppen MVK",
  kind: "county",
  meetings_per_year: 4,
  description: "Länsgruppen",
  one_per_org: true,
  free_membership: false,
};

export const steering: Group = {
  id: id(1),
  name: "Styrgrupp MVK",
  kind: "steering",
  meetings_per_year: 2,
  description: null,
  one_per_org: false,
  free_membership: false,
};

export function appointment(over: Partial<Appointment> = {}): Appointment {
  return {
    id: id(7),
    person_id: id(11),
    person_name: "Anna Berg",
    person_protected: false,
    group_id: id(2),
    group_name: "Länsgruppen MVK",
    organisation_id: id(5),
    organisation_name: "Falu kommun",
    role: "representative",
    seat_id: id(21),
    from: "2025-01-01",
    to: null,
    ended_on: null,
    ...over,
  };
}

export function person(over: Partial<Person> = {}): Person {
  return {
    id: id(12),
    name: "Bo Ek",
    title: null,
    organisation_id: id(5),
    organisation_name: "Falu kommun",
    email: null,
    phone: null,
    protected: false,
    notes: null,
    ...over,
  };
}

/** A seat of the steering group; by default an open "Socialchef" seat for any municipality. */
export function seat(over: Partial<Seat> = {}): Seat {
  return {
    id: id(31),
    group_id: id(1),
    position: 6,
    role: "member",
    organisation_id: null,
    organisation_name: null,
    org_kind: "municipality",
    label: "Socialchef",
    active: true,
    ...over,
  };
}

export function seatView(over: Partial<SeatView> = {}): SeatView {
  return { seat: seat(), holder: null, holder_status: null, successor: null, ...over };
}
