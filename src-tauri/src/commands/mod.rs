//! Tauri command adapters, one module per feature area. Every command answers with
//! [`Reply`]: its value, or the core's one error type as `{code, message}`.

pub mod agenda;
pub mod app;
pub mod forms;
pub mod invitations;
pub mod meetings;
pub mod minutes;
pub mod register;
pub mod reminders;
pub mod report;
pub mod safety;
pub mod seats;

/// What every command answers.
pub type Reply<T> = Result<T, samverkan::ErrorBody>;
