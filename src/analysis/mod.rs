//! Analyses over plain data.
