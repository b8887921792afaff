//! The mandate-form commands: `form`, `forms`, `form-status`, `form-signed`.

use std::path::Path;

use chrono::{NaiveDate, Utc};
use samverkan::error::Field;
use samverkan::model::date::parse_date;
use samverkan::register::{BatchOutcome, FormOptions, FormState, FormStatusRow, PrintedForm};
use samverkan::{Error, Register};

use crate::args::FormCmd;
use crate::print::{Out, table};

fn group_or_default(reg: &Register, group: Option<&str>) -> Result<i64, Error> {
    match group {
        Some(g) => reg.find_group(g),
        None => reg.default_form_group(),
    }
}

pub fn run(reg: &mut Register, cmd: FormCmd, out: &Out, today: NaiveDate) -> Result<(), Error> {
    let opts = FormOptions {
        lang: out.lang,
        today,
        now: Utc::now(),
        on: None,
    };
    match cmd {
        FormCmd::Form {
            org,
            group,
            out: file,
            on,
        } => {
            let org = reg.find_org(&org)?;
            let group = group_or_default(reg, group.as_deref())?;
            let on = on.map(|d| parse_date(Field::Date, &d)).transpose()?;
            let printed = reg.print_form(org, group, &file, FormOptions { on, ..opts })?;
            out.printed(&printed)
        }
        FormCmd::Forms {
            group,
            out: dir,
            combined,
            include_protected,
        } => {
            let group = group_or_default(reg, group.as_deref())?;
            let outcome = reg.print_forms(
                group,
                &dir,
                combined.as_deref(),
                include_protected,
                opts,
                &mut |_, _, _| true,
            )?;
            out.batch(&outcome)
        }
        FormCmd::Status { group } => {
            let group = group.map(|g| reg.find_group(&g)).transpose()?;
            out.form_status(&reg.form_status(group, today)?)
        }
        FormCmd::Signed {
            org,
            group,
            on,
            note,
        } => {
            let org = reg.find_org(&org)?;
            let group = group_or_default(reg, group.as_deref())?;
            let on = parse_date(Field::Date, &on)?;
            let row = reg.form_signed(org, group, on, note.as_deref(), today)?;
            out.form_status(std::slice::from_ref(&row))
        }
    }
}

impl Out {
    fn state(&self, s: FormState) -> &'static str {
        match s {
            FormState::NotPrinted => self.lang.pick("ej utskriven", "not printed"),
            FormState::Printed => self
                .lang
                .pick("utskriven, ej underskriven", "printed, not signed"),
            FormState::Signed => self.lang.pick("underskriven", "signed"),
            FormState::NeedsNewSignature => self
                .lang
                .pick("behöver ny underskrift", "needs a new signature"),
        }
    }

    fn printed(&self, p: &PrintedForm) -> Result<(), Error> {
        self.emit(p, || {
            format!(
                "{} {} ({} {}, {} kB, {} {}): {}",
                self.t("Uppdragsblankett för", "Mandate form for"),
                p.organisation_name,
                p.pages,
                self.t("sidor", "pages"),
                p.bytes.div_ceil(1024),
                self.t("textversion", "wording version"),
                p.wording_version,
                Path::new(&p.file).display()
            )
        })
    }

    fn batch(&self, b: &BatchOutcome) -> Result<(), Error> {
        self.emit(b, || {
            let mut s = format!(
                "{} {} {} {}.\n",
                b.forms.len(),
                self.t("av", "of"),
                b.total,
                self.t("uppdragsblanketter utskrivna", "mandate forms printed")
            );
            for f in &b.forms {
                s.push_str(&format!("  {}\n", f.file));
            }
            if let Some(c) = &b.combined {
                s.push_str(&format!("{}: {c}\n", self.t("Samlad fil", "Combined file")));
            }
            if b.cancelled {
                s.push_str(self.t("Avbruten.\n", "Cancelled.\n"));
            }
            s
        })
    }

    fn form_status(&self, rows: &[FormStatusRow]) -> Result<(), Error> {
        self.emit(rows, || {
            let mut t = table(&[
                self.t("Grupp", "Group"),
                self.t("Organisation", "Organisation"),
                self.t("Status", "Status"),
                self.t("Utskriven (UTC)", "Printed (UTC)"),
                self.t("Text", "Wording"),
                self.t("Underskriven", "Signed"),
                self.t("Anteckning", "Note"),
            ]);
            for r in rows {
                t.add_row(vec![
                    r.group_name.clone(),
                    r.organisation_name.clone(),
                    self.state(r.state).to_owned(),
                    r.printed_at.clone().unwrap_or_default(),
                    r.wording_version.map(|v| v.to_string()).unwrap_or_default(),
                    r.signed_on.map(|d| d.to_string()).unwrap_or_default(),
                    r.note.clone().unwrap_or_default(),
                ]);
            }
            t.to_string()
        })
    }
}
