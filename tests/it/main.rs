//! The one integration-test binary: the register through its library API and through the CLI.

mod cli;
mod forms;
mod meetings;
mod crash;
mod hostile;
mod import;
mod properties;
mod register;
mod safety;
mod support;
mod tidy;
