//! Turning cell contents into typed values. Each function says why it refused, so a rejected row
//! can name its reason.

pub mod date;
pub mod hs;
pub mod number;
pub mod text;
