//! Tauri command adapters, one module per feature area.

pub mod agenda;
pub mod app;
pub mod forms;
pub mod meetings;
pub mod register;
pub mod report;
pub mod safety;
pub mod seats;
