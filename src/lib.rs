//! Samverkan's core: the register of a regional collaboration network (organisations, people,
//! groups, appointments), its rules, and its SQLite store. It knows nothing of the desktop
//! shell or the command line; both call the functions re-exported here.

#![forbid(unsafe_code)]

pub mod error;
pub mod export;
pub mod forms;
pub mod import;
pub mod lang;
pub mod mail;
pub mod model;
mod paths;
pub mod pdf;
pub mod register;
pub mod report;
pub mod safety;
pub mod schedule;
pub mod stamp;
pub mod store;
pub mod template;
pub mod vocab;
pub mod zone;

pub use error::{Error, ErrorBody, ErrorCode};
pub use lang::Lang;
pub use register::{Register, RegisterInfo, default_path};
pub use template::Template;
pub use zone::Zone;
