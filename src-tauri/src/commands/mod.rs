//! Tauri command adapters, one module per feature area.

pub mod app;
pub mod meetings;
pub mod forms;
pub mod register;
pub mod safety;
