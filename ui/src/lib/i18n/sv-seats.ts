// Swedish texts of seats (a group's composition), the one status vocabulary of appointments,
// free membership and withdrawing an appointment entered in error.
export const svSeats = {
  // Where an appointment stands: the same words on every page.
  "status.upcoming": "Kommande",
  "status.active": "Pågår",
  "status.term_expired": "Mandattiden har gått ut",
  "status.ended": "Avslutat",

  // Who a seat is for
  "seat.anyOrg": "valfri organisation",
  "seat.anyKind.municipality": "valfri kommun",
  "seat.anyKind.region": "valfri region",
  "seat.anyKind.agency": "valfri myndighet",
  "seat.anyKind.university": "valfritt lärosäte",
  "seat.anyKind.non_profit": "valfri ideell organisation",
  "seat.anyKind.other": "valfri övrig organisation",
  "seat.labelled": "{label} ({whom})",
  "seat.successor": "från {date}: {person}",
  "seat.vacant": "Vakant",

  // The group's page
  "seats.heading": "Platser",
  "seats.caption": "Platserna i {group} i ordning, med innehavare i dag",
  "seats.none": "Gruppen har inga platser ännu. Lägg till en med ”Ny plats”.",
  "seats.search": "Sök bland platserna",
  "seats.search.hint": "Organisation, person eller platsens beskrivning.",
  "seats.search.count": "{shown} av {total} platser visas",
  "seats.search.none": "Ingen plats matchar ”{query}”.",
  "seats.summary": "{total} platser, {vacant} vakanta",
  "seats.col.position": "Nr",
  "seats.col.seat": "Plats",
  "seats.col.role": "Roll",
  "seats.col.holder": "Innehavare",
  "seats.col.status": "Status",
  "seats.col.actions": "Åtgärder",
  "seats.appoint": "Utse",
  "seats.appoint.org": "Utse {role} för {organisation}",
  "seats.appoint.open": "Utse {role} till plats {position}: {seat}",
  "seats.end.label": "Avsluta {person} på plats {position}: {seat}",
  "seats.remove": "Ta bort",
  "seats.remove.label": "Ta bort plats {position}: {seat}",
  "seats.add": "Ny plats",
  "seats.groups.col.vacantOf": "Vakanta platser",
  "seats.groups.vacantOf": "{vacant} av {seats}",
  "seats.groups.col.vacant": "Vakanta",
  "seats.free": "Fritt medlemskap",
  "seats.free.heading": "Medlemmar",
  "seats.free.caption": "De som är utsedda i {group} i dag",
  "seats.free.none": "Ingen är utsedd i gruppen i dag.",
  "seats.free.hint": "Gruppen har fritt medlemskap: vem som helst kan utses, utan platser och utan vakanser.",

  // Adding a seat
  "seats.add.title": "Ny plats i {group}",
  "seats.add.role": "Roll",
  "seats.add.whom": "Vem kan ha platsen",
  "seats.add.whom.org": "En bestämd organisation",
  "seats.add.whom.kind": "Valfri organisation av en viss typ",
  "seats.add.whom.any": "Valfri organisation",
  "seats.add.organisation": "Organisation",
  "seats.add.organisation.choose": "Välj organisation",
  "seats.add.kind": "Typ av organisation",
  "seats.add.label": "Beskrivning (valfritt)",
  "seats.add.label.hint": "Till exempel Socialchef eller Skola/elevhälsa.",
  "seats.add.required.org": "Välj en organisation.",
  "seats.add.submit": "Lägg till platsen",
  "seats.add.done": "Platsen {seat} har lagts till i {group}.",
  "seats.add.refused": "Platsen lades inte till",

  // Removing a seat
  "seats.remove.title": "Ta bort platsen?",
  "seats.remove.message":
    "Plats {position}, {seat}, tas bort ur {group}. En plats som har haft innehavare finns kvar i historiken.",
  "seats.remove.confirm": "Ta bort platsen",
  "seats.remove.done": "Platsen {seat} har tagits bort.",
  "seats.remove.refused": "Platsen togs inte bort",

  // The group form
  "seats.groupForm.free": "Fritt medlemskap (inga platser)",
  "seats.groupForm.free.hint":
    "Vem som helst kan utses, i vilken roll som helst. Gruppen har inga platser och inga vakanser.",

  // The appoint dialog
  "seats.appoint.seat": "Plats {position}: {seat}",
  "seats.appoint.earliest": "En efterträdare kan börja tidigast {date}.",
  "seats.appoint.useEarliest": "Börja {date}",
  "seats.appoint.successor": "Redan beslutad efterträdare: {successor}.",

  // Withdrawing an appointment entered in error
  "withdraw.button": "Återkalla",
  "withdraw.label": "Återkalla {person}s uppdrag som {role} (felregistrerat)",
  "withdraw.title": "Återkalla uppdraget?",
  "withdraw.message":
    "Använd detta när uppdraget registrerades av misstag i dag. {person} försvinner ur gruppens platser och räkningar; ändringsloggen behåller uppdraget och skälet.",
  "withdraw.reason": "Skäl",
  "withdraw.reason.required": "Ange ett skäl.",
  "withdraw.confirm": "Återkalla uppdraget",
  "withdraw.done": "{person}s uppdrag har återkallats.",
  "withdraw.refused": "Uppdraget återkallades inte",

  // Overview and coverage
  "seats.overview.count.empty_seat": "platser står tomma",
  "seats.overview.count.empty_seat.one": "plats står tom",
  "seats.overview.col.seat": "Plats",
  "seats.overview.col.next": "Efterträdare",
  "seats.overview.count": "{count} platser saknar någon",
  "seats.coverage.cell": "{filled} av {total} platser tillsatta",
  "seats.coverage.open": "Öppna platser som står tomma",
  "seats.coverage.open.cell": "{count} tomma",
  "seats.coverage.open.label": "{group}: {count} öppna platser står tomma",
} as const satisfies Record<string, string>;
