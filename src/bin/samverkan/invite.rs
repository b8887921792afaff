//! The invitation commands: `invite MEETING` shows where a meeting's invitation stands (the
//! version last sent, whether the meeting differs, who gets it, who has no address); with
//! `--out FILE.eml` (and/or `--pdf FILE.pdf`) it writes the draft and the printed invitation.
//! `mail-wording` shows the e-mails' wording, or saves a new version from a JSON file.

use std::path::PathBuf;

use chrono::Utc;
use clap::Args;
use samverkan::export::invitation::{InvitationKind, changes_text};
use samverkan::mail::Recipients;
use samverkan::mail::wording::MailWording;
use samverkan::model::Id;
use samverkan::register::{InvitationRequest, InvitationState};
use samverkan::{Error, Lang, Register};

use crate::print::Out;

#[derive(Debug, Args)]
pub struct InviteArgs {
    /// The meeting's id (see `meeting list`).
    pub meeting: Id,
    /// Write the e-mail draft (.eml) here.
    #[arg(long, value_name = "FILE.eml")]
    pub out: Option<PathBuf>,
    /// Write the printed invitation (PDF) here.
    #[arg(long, value_name = "FILE.pdf")]
    pub pdf: Option<PathBuf>,
    /// Include this person with protected data in this one invitation (repeatable).
    #[arg(long = "include-protected", value_name = "PERSON")]
    pub include_protected: Vec<String>,
    /// Address the invited openly in To.
    #[arg(long, conflicts_with = "bcc")]
    pub to: bool,
    /// Address the invited in Bcc, the coordinator in To (the default).
    #[arg(long)]
    pub bcc: bool,
}

#[derive(Debug, Args)]
pub struct MailWordingArgs {
    /// Save this JSON file (the shape `mail-wording --json` prints under "wording") as a new
    /// version.
    #[arg(long, value_name = "FILE.json")]
    pub file: Option<PathBuf>,
}

fn kind_label(k: InvitationKind, lang: Lang) -> &'static str {
    samverkan::export::invitation::kicker_title(k, lang)
}

fn state_text(s: &InvitationState, lang: Lang) -> String {
    let mut out = match &s.last {
        None => lang
            .pick("Ingen kallelse skickad ännu.", "No invitation sent yet.")
            .to_owned(),
        Some(l) => format!(
            "{}: {} {} ({} {}, {})",
            lang.pick("Senast skickad", "Last sent"),
            kind_label(l.kind, lang),
            l.sent_at,
            lang.pick("version", "version"),
            l.sequence,
            l.date
        ),
    };
    if s.nothing_to_send {
        out.push_str(lang.pick(
            "\nMötet är inställt och ingen kallelse har skickats: inget att skicka.",
            "\nThe meeting is cancelled and no invitation was sent: nothing to send.",
        ));
    } else if s.differs {
        out.push_str(&format!(
            "\n{}: {} ({} {}{})",
            lang.pick("Mötet har ändrats; nästa", "The meeting changed; next"),
            kind_label(s.kind, lang),
            lang.pick("version", "version"),
            s.sequence,
            if s.changes.is_empty() {
                String::new()
            } else {
                format!(": {}", changes_text(&s.changes, lang))
            }
        ));
    }
    out.push_str(&format!(
        "\n{}: {}\n\n{}",
        lang.pick("Ämne", "Subject"),
        s.subject,
        s.body
    ));
    let with_email = s.invited.len() - s.without_email.len();
    out.push_str(&format!(
        "\n\n{} {with_email} {}",
        lang.pick("Till", "To"),
        lang.pick("adresser.", "addresses.")
    ));
    if !s.without_email.is_empty() {
        let names: Vec<&str> = s.without_email.iter().map(|i| i.name.as_str()).collect();
        out.push_str(&format!(
            "\n{}: {}",
            lang.pick(
                "Saknar e-post (skriv ut kallelsen åt dem)",
                "No e-mail (print the invitation for them)"
            ),
            names.join(", ")
        ));
    }
    if !s.left_out.is_empty() {
        out.push_str(&format!(
            "\n{}: {}",
            lang.pick(
                "Utelämnade (skyddade personuppgifter)",
                "Left out (protected personal data)"
            ),
            s.left_out.len()
        ));
    }
    out
}

pub fn invite(reg: &mut Register, a: InviteArgs, out: &Out) -> Result<(), Error> {
    let include = a
        .include_protected
        .iter()
        .map(|n| reg.find_person(n))
        .collect::<Result<Vec<_>, _>>()?;
    if a.out.is_none() && a.pdf.is_none() {
        let s = reg.invitation(a.meeting, &include, out.lang)?;
        return out.done(&s, &state_text(&s, out.lang));
    }
    let req = InvitationRequest {
        include,
        recipients: if a.to {
            Recipients::To
        } else {
            Recipients::Bcc
        },
    };
    let r = reg.write_invitation(
        a.meeting,
        a.out.as_deref(),
        a.pdf.as_deref(),
        &req,
        out.lang,
        Utc::now(),
    )?;
    let lang = out.lang;
    let mut text = format!(
        "{} ({} {})",
        kind_label(r.kind, lang),
        lang.pick("version", "version"),
        r.sequence
    );
    if let Some(f) = &r.eml {
        text.push_str(&format!(
            "\n{} {f} ({} {})",
            lang.pick("E-postutkast:", "E-mail draft:"),
            r.recipients,
            lang.pick("adresser", "addresses")
        ));
    }
    if let Some(f) = &r.pdf {
        text.push_str(&format!("\nPDF: {f}"));
    }
    if !r.without_email.is_empty() {
        text.push_str(&format!(
            "\n{}: {}",
            lang.pick(
                "Saknar e-post (skriv ut kallelsen åt dem)",
                "No e-mail (print the invitation for them)"
            ),
            r.without_email.join(", ")
        ));
    }
    out.done(&r, &text)
}

pub fn mail_wording(reg: &mut Register, a: MailWordingArgs, out: &Out) -> Result<(), Error> {
    let v = match a.file {
        None => reg.mail_wording(out.lang)?,
        Some(path) => {
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            let wording: MailWording = serde_json::from_str(&text).map_err(|_| {
                Error::invalid(
                    samverkan::error::Field::Wording,
                    samverkan::error::Invalid::UnknownValue(path.display().to_string()),
                )
            })?;
            reg.save_mail_wording(out.lang, &wording, Utc::now())?
        }
    };
    let w = &v.wording;
    let mut text = String::new();
    for (label, t) in [
        (out.t("Kallelse", "Invitation"), &w.invitation),
        (out.t("Ändrad kallelse", "Changed invitation"), &w.update),
        (out.t("Inställt", "Cancellation"), &w.cancellation),
        (out.t("Minnesanteckningar", "Minutes"), &w.minutes),
    ] {
        text.push_str(&format!("## {label}\n{}\n\n{}\n\n", t.subject, t.body));
    }
    out.done(&v, text.trim_end())
}
