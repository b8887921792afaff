import { describe, expect, it } from "vitest";
import type { AttendanceRow } from "../../lib/bindings/AttendanceRow";
import { actionForKey, changeFor, forbiddenText, isDateIn, isoWeekday } from "./format";

function row(id: number, org: number, role: AttendanceRow["role"]): AttendanceRow {
  return {
    person_id: id,
    person_name: `P${id}`,
    person_protected: false,
    organisation_id: org,
    organisation_name: `O${org}`,
    role,
    status: null,
    substitute_for: null,
    substitute_for_name: null,
  };
}

describe("meeting helpers", () => {
  it("maps one key to each status in both languages, and digits in both", () => {
    expect(actionForKey("n", "sv")).toBe("present");
    expect(actionForKey("F", "sv")).toBe("absent");
    expect(actionForKey("a", "sv")).toBe("excused");
    expect(actionForKey("e", "sv")).toBe("substitute");
    expect(actionForKey("p", "en")).toBe("present");
    expect(actionForKey("a", "en")).toBe("absent");
    expect(actionForKey("3", "en")).toBe("excused");
    expect(actionForKey("4", "sv")).toBe("substitute");
    expect(actionForKey("x", "sv")).toBeNull();
  });

  it("knows weekdays and dates within a year", () => {
    expect(isoWeekday("2027-06-25")).toBe(5);
    expect(isoWeekday("2027-01-03")).toBe(7);
    expect(isDateIn("2027-02-28", 2027)).toBe(true);
    expect(isDateIn("2027-02-29", 2027)).toBe(false);
    expect(isDateIn("2028-01-10", 2027)).toBe(false);
    expect(isDateIn("27-1-1", 2027)).toBe(false);
  });

  it("names a forbidden day from the core's list, and weekends", () => {
    const days = [{ date: "2027-06-25", reason: { kind: "july" as const }, text: "midsommarafton" }];
    expect(forbiddenText("2027-06-25", days)).toBe("midsommarafton");
    expect(forbiddenText("2027-06-26", days)).toBe("weekend");
    expect(forbiddenText("2027-06-23", days)).toBeNull();
  });

  it("marks the substitute present in the representative's place from either row", () => {
    const rep = row(1, 10, "representative");
    const sub = row(2, 10, "substitute");
    const other = row(3, 11, "representative");
    const rows = [rep, sub, other];
    expect(changeFor("substitute", sub, rows)).toEqual({ personId: 2, status: "present", substituteFor: 1 });
    expect(changeFor("substitute", rep, rows)).toEqual({ personId: 2, status: "present", substituteFor: 1 });
    expect(changeFor("substitute", other, rows)).toBeNull();
    expect(changeFor("excused", other, rows)).toEqual({ personId: 3, status: "excused", substituteFor: null });
  });
});
