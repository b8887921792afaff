//! The one integration-test binary: the register through its library API and through the CLI.

mod cli;
mod forms;
mod meetings;
mod properties;
mod register;
mod support;
mod tidy;
