//! E-mail drafts as standard `.eml` files (RFC 5322 MIME), built with lettre's message
//! builder: marked unsent (`X-Unsent: 1`) so that Outlook opens them ready to send (Thunderbird
//! opens them as a message to edit as new), with the recipients in To or Bcc, a plain-text
//! body, an optional iTIP meeting request or cancellation (`text/calendar; method=…`, after
//! the text and its HTML form in `multipart/alternative`, as Exchange writes a request) and
//! attachments. Headers are encoded by lettre
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

/// The plain body as HTML: every character escaped (quick-xml's escape, which covers what HTML
/// text needs), a paragraph per blank-line block, line breaks and indentation kept.
fn html_body(body: &str) -> String {
    let body = body.replace("\r\n", "\n");
    let mut out =
        String::from("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n");
    for para in body.split("\n\n").filter(|p| !p.trim().is_empty()) {
        out.push_str("<p>");
        let lines: Vec<String> = para.lines().map(html_line).collect();
        out.push_str(&lines.join("<br>\n"));
        out.push_str("</p>\n");
    }
    out.push_str("</body></html>\n");
    out
}

/// One line of the body as HTML text: escaped, and its indentation and runs of spaces kept
/// (the agenda's notes are indented under their items, its times set off by two spaces).
fn html_line(line: &str) -> String {
    let escaped = quick_xml::escape::escape(line);
    let text = escaped.trim_start_matches(' ');
    let indent = escaped.len() - text.len();
    let mut out = "&nbsp;".repeat(indent);
    out.push_str(&text.replace("  ", " &nbsp;"));
    out
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
            // The order Exchange writes: text, HTML, the request. A reader shows the last
            // alternative it can; Thunderbird, opening a draft beside a request, takes the
            // HTML for the body it edits (with only text and request, it opened an empty one).
            let html = SinglePart::builder()
                .header(ContentType::TEXT_HTML)
                .body(html_body(&d.body));
            MultiPart::alternative()
                .singlepart(text)
                .singlepart(html)
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
