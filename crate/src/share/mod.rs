//! What leaves the page: share links ([`link`]) and the CSV of every run ([`export`]).

pub mod export;
pub mod link;
