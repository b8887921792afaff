//! Property: any sequence of appoint, replace and unappoint keeps the one-representative-
//! plus-one-substitute rule, never loses or rewrites history, and a refused step changes
//! nothing.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use samverkan::model::{AppointRequest, Appointment, PersonDraft, Role};
use samverkan::store;

use crate::support::{Fixture, day};

#[derive(Debug, Clone)]
enum Op {
    Appoint {
        person: usize,
        org: usize,
        substitute: bool,
        day: u64,
        replace: bool,
    },
    Unappoint {
        person: usize,
        substitute: Option<bool>,
        day: u64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (0..5usize, 0..2usize, any::<bool>(), 0..730u64, any::<bool>())
            .prop_map(|(person, org, substitute, day, replace)| Op::Appoint { person, org, substitute, day, replace }),
        1 => (0..5usize, proptest::option::of(any::<bool>()), 0..730u64)
            .prop_map(|(person, substitute, day)| Op::Unappoint { person, substitute, day }),
    ]
}

fn role(substitute: bool) -> Role {
    if substitute {
        Role::Substitute
    } else {
        Role::Representative
    }
}

fn overlap(a: &Appointment, b: &Appointment) -> bool {
    let end = |x: &Appointment| x.ended_on.unwrap_or(NaiveDate::MAX);
    a.from <= end(b) && b.from <= end(a)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_appointments_keep_the_rule_and_the_history(ops in proptest::collection::vec(op(), 1..40)) {
        let f = Fixture::dalarna();
        let mut reg = f.open();
        let group = reg.find_group("Länsgruppen").expect("group");
        let orgs = [reg.find_org("Mora").expect("Mora"), reg.find_org("Orsa").expect("Orsa")];
        let people: Vec<i64> = (0..5)
            .map(|i| {
                let draft = PersonDraft { name: format!("Person {i}"), organisation_id: orgs[i % 2], ..PersonDraft::default() };
                reg.add_person(&draft).expect("person").id
            })
            .collect();
        let start = day("2026-01-01");
        let mut seen: HashMap<i64, Appointment> = HashMap::new();

        for op in &ops {
            let before = store::appointments::for_group(reg.connection(), group).expect("read");
            let result = match *op {
                Op::Appoint { person, org, substitute, day, replace } => reg
                    .appoint(&AppointRequest {
                        person_id: people[person],
                        group_id: group,
                        role: role(substitute),
                        seat_id: None,
                        organisation_id: Some(orgs[org]),
                        from: start.checked_add_days(Days::new(day)).expect("date"),
                        to: None,
                        replace,
                    })
                    .map(|_| ()),
                Op::Unappoint { person, substitute, day } => reg
                    .unappoint(people[person], group, substitute.map(role), start.checked_add_days(Days::new(day)).expect("date"))
                    .map(|_| ()),
            };
            let after = store::appointments::for_group(reg.connection(), group).expect("read");
            if result.is_err() {
                prop_assert_eq!(&after, &before, "a refused {:?} changed the register", op);
            }
            // The rule: no two holders of one seat at the same time.
            for (i, a) in after.iter().enumerate() {
                for b in &after[i + 1..] {
                    let same_seat = a.organisation_id == b.organisation_id && a.role == b.role;
                    prop_assert!(!(same_seat && overlap(a, b)), "{:?} and {:?} overlap after {:?}", a, b, op);
                }
            }
            // History: nothing disappears; nothing but a first end date is ever written.
            prop_assert!(after.len() >= before.len());
            for old in seen.values() {
                let now = after.iter().find(|a| a.id == old.id);
                prop_assert!(now.is_some(), "appointment {} disappeared", old.id);
                let now = now.expect("checked");
                prop_assert_eq!((now.person_id, now.organisation_id, now.role, now.from, now.to),
                                (old.person_id, old.organisation_id, old.role, old.from, old.to));
                if old.ended_on.is_some() {
                    prop_assert_eq!(now.ended_on, old.ended_on);
                }
            }
            for a in after {
                seen.insert(a.id, a);
            }
        }
    }
}
