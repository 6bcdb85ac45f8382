//! See `forged/mod.rs`.
