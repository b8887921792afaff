// Shared fixtures for the register screens' unit tests (not shipped: only tests import it).
import type { Organisation } from "../../lib/bindings/Organisation";
import type { Person } from "../../lib/bindings/Person";
import type { GroupSummary } from "../../lib/bindings/GroupSummary";
import type { OrgDetail } from "../../lib/bindings/OrgDetail";
import type { Seat } from "../../lib/bindings/Seat";
import type { Appointment } from "../../lib/bindings/Appointment";

const id = (n: number) => n;

export function org(n: number, name: string, extra: Partial<Organisation> = {}): Organisation {
  return {
    id: id(n),
    name,
    short_name: null,
    kind: "municipality",
    org_number: null,
    postal_address: null,
    email: null,
    phone: null,
    notes: null,
    active: true,
    principal: null,
    local_group: null,
    ...extra,
  };
}

export function person(n: number, name: string, orgId: number, orgName: string, extra: Partial<Person> = {}): Person {
  return {
    id: id(n),
    name,
    title: null,
    organisation_id: id(orgId),
    organisation_name: orgName,
    email: null,
    phone: null,
    protected: false,
    notes: null,
    ...extra,
  };
}

export const GROUPS: GroupSummary[] = [
  {
    group: { id: id(1), name: "Styrgrupp MVK", kind: "steering", meetings_per_year: 2, description: null, one_per_org: false, free_membership: false },
    seats: 5,
    seat_count: 8,
    vacant: 8,
    serving: 0,
  },
  {
    group: { id: id(2), name: "Länsgruppen MVK", kind: "county", meetings_per_year: 4, description: null, one_per_org: true, free_membership: false },
    seats: 28,
    seat_count: 56,
    vacant: 54,
    serving: 0,
  },
];

export const ORGS: Organisation[] = [
  org(1, "Falu kommun", { short_name: "Falun" }),
  org(2, "Region Dalarna", { kind: "region" }),
  org(3, "Högskolan Dalarna", { kind: "university", short_name: "HDa" }),
  org(4, "Avesta kommun"),
  org(5, "Kvinnojouren Kullan", { kind: "non_profit" }),
];

export function appointment(n: number, extra: Partial<Appointment>): Appointment {
  return {
    id: id(n),
    person_id: id(10),
    person_name: "Anna Andersson",
    person_protected: false,
    group_id: id(2),
    group_name: "Länsgruppen MVK",
    organisation_id: id(1),
    organisation_name: "Falu kommun",
    role: "representative",
    seat_id: id(1),
    from: "2024-01-01",
    to: "2025-12-31",
    ended_on: null,
    ...extra,
  };
}

function orgSeat(position: number, role: "representative" | "substitute"): Seat {
  return {
    id: id(position),
    group_id: id(2),
    position,
    role,
    organisation_id: id(1),
    organisation_name: "Falu kommun",
    org_kind: null,
    label: null,
    active: true,
  };
}

export function falunDetail(): OrgDetail {
  const rep = appointment(100, { person_protected: true, to: "2024-12-31" });
  const sub = appointment(101, { person_id: id(11), person_name: "Bo Berg", role: "substitute", to: null });
  const old = appointment(99, { person_id: id(12), person_name: "Cecilia Ek", from: "2020-01-01", to: "2023-12-31", ended_on: "2023-12-31" });
  return {
    organisation: org(1, "Falu kommun", {
      short_name: "Falun",
      org_number: "212000-2080",
      email: "kommun@falun.se",
      principal: { name: "Pia Chef", title: "Socialchef", email: null, phone: null },
    }),
    contacts: [
      { id: id(7), organisation_id: id(1), function: "Skola", name: "Sara Skol", email: null, phone: null, protected: true },
    ],
    groups: [
      {
        group_id: id(2),
        group_name: "Länsgruppen MVK",
        one_per_org: true,
        seated: true,
        representative: rep,
        substitute: sub,
        others: [],
        history: [old, rep, sub],
        seats: [
          { seat: orgSeat(1, "representative"), holder: rep, holder_status: "term_expired", successor: null },
          {
            seat: orgSeat(2, "substitute"),
            holder: sub,
            holder_status: "active",
            successor: appointment(102, { person_id: id(13), person_name: "Sara Lind", role: "substitute", from: "2027-01-01", to: null }),
          },
        ],
      },
    ],
    people: 3,
  };
}
