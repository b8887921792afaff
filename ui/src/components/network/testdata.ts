// Shapes the core sends, for the unit tests of the network screens (ids cross IPC as numbers).
import type { Appointment } from "../../lib/bindings/Appointment";
import type { Group } from "../../lib/bindings/Group";
import type { Person } from "../../lib/bindings/Person";

const id = (n: number) => n;

export const county: Group = {
  id: id(2),
  name: "Länsgruppen MVK",
  kind: "county",
  meetings_per_year: 4,
  description: "Länsgruppen",
  one_per_org: true,
};

export const steering: Group = {
  id: id(1),
  name: "Styrgrupp MVK",
  kind: "steering",
  meetings_per_year: 2,
  description: null,
  one_per_org: false,
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
