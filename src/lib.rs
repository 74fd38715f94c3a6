pub mod config;
pub mod corpus;
pub mod text;
