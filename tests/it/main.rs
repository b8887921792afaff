//! The one integration-test binary: the register through its library API and through the CLI.

mod agenda;
mod archive;
mod cli;
mod cli_edges;
mod crash;
mod forms;
mod hostile;
mod import;
mod invitations;
mod limits;
mod log;
mod meetings;
mod minutes;
mod printing;
mod properties;
mod register;
mod reminders;
mod report;
mod safety;
mod seats;
mod support;
mod tidy;
