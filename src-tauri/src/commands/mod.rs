//! Tauri command adapters, one module per feature area.

pub mod app;
pub mod forms;
pub mod register;
