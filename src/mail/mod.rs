//! E-mail drafts as standard `.eml` files (RFC 5322 MIME), built with lettre's message
//! builder: marked unsent (`X-Unsent: 1`) so that Outlook opens them ready to send (Thunderbird
//! opens them as a message to edit as new), with the recipients in To or Bcc, a plain-text
//! body, an optional iTIP meeting request or cancellation (`text/calendar; method=…`, beside
//! the text in `multipart/alternative`) and attachments. Headers are encoded by lettre
//! (RFC 2047 for the subject and names, RFC 2231 for file names); a value can never start a
//! header of its own (see [`wording::fill_subject`]; names are one line by their checks).

pub mod wording;

use std::time::{Duration, SystemTime};

use chrono::{DateTime, Utc};
use lettre::message::header::{ContentType, Header, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};

use crate::error::{Error, Internal};

/// Whether the invited are addressed openly (To) or hidden from one another (Bcc, the
/// coordinator then in To).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Recipients {
    To,
    #[default]
    Bcc,
}

/// A person to write to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub name: String,
    pub email: String,
}

/// A file attached to a draft.
#[derive(Debug, Clone)]
pub struct MailAttachment {
    pub file_name: String,
    pub content_type: &'static str,
    pub bytes: Vec<u8>,
}

/// What one draft holds.
#[derive(Debug, Clone)]
pub struct Draft {
    pub from: Address,
    pub recipients: Vec<Address>,
    pub mode: Recipients,
    pub subject: String,
    pub body: String,
    /// An iTIP message and its method (`REQUEST`, `CANCEL`).
    pub calendar: Option<(String, &'static str)>,
    pub attachments: Vec<MailAttachment>,
    pub date: DateTime<Utc>,
}

/// `X-Unsent: 1`: Outlook opens the file as a message still to be sent.
#[derive(Debug, Clone, Copy)]
struct XUnsent;

impl Header for XUnsent {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("X-Unsent")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(XUnsent)
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "1".to_owned())
    }
}

fn internal(what: &str, e: impl std::fmt::Display) -> Error {
    Error::internal(Internal::MailDraft, format!("{what}: {e}"))
}

fn mailbox(a: &Address) -> Result<Mailbox, Error> {
    // Names are checked to be one line; control characters are dropped all the same.
    let name: String = a.name.chars().filter(|c| !c.is_control()).collect();
    // Addresses are checked when entered; one the mail builder still refuses is named.
    let address = a.email.parse().map_err(|_| {
        Error::invalid(
            crate::error::Field::Email,
            crate::error::Invalid::UnknownValue(a.email.clone()),
        )
    })?;
    Ok(Mailbox::new(Some(name).filter(|n| !n.is_empty()), address))
}

/// The draft as the bytes of an `.eml` file.
pub fn eml(d: &Draft) -> Result<Vec<u8>, Error> {
    let secs = u64::try_from(d.date.timestamp()).unwrap_or(0);
    let mut b = lettre::Message::builder()
        .from(mailbox(&d.from)?)
        .subject(d.subject.clone())
        .date(SystemTime::UNIX_EPOCH + Duration::from_secs(secs))
        .header(XUnsent)
        .keep_bcc();
    match d.mode {
        Recipients::To if !d.recipients.is_empty() => {
            for r in &d.recipients {
                b = b.to(mailbox(r)?);
            }
        }
        _ => {
            b = b.to(mailbox(&d.from)?);
            for r in &d.recipients {
                b = b.bcc(mailbox(r)?);
            }
        }
    }
    let text = SinglePart::builder()
        .header(ContentType::TEXT_PLAIN)
        .body(d.body.clone());
    let content = match &d.calendar {
        Some((ics, method)) => {
            let ct = ContentType::parse(&format!("text/calendar; method={method}; charset=utf-8"))
                .map_err(|e| internal("content type", e))?;
            MultiPart::alternative()
                .singlepart(text)
                .singlepart(SinglePart::builder().header(ct).body(ics.clone()))
        }
        None => MultiPart::alternative().singlepart(text),
    };
    let mut mixed = MultiPart::mixed().multipart(content);
    for a in &d.attachments {
        let ct = ContentType::parse(a.content_type).map_err(|e| internal("content type", e))?;
        mixed = mixed.singlepart(Attachment::new(a.file_name.clone()).body(a.bytes.clone(), ct));
    }
    let message = b.multipart(mixed).map_err(|e| internal("e-mail", e))?;
    Ok(message.formatted())
}
