//! What makes two rows the same shipment, so re-imports and overlapping exports never double-count.
//!
//! A record's key is its bill of lading number (when the file has one), date, buyer and supplier (by
//! matching key, so `ACME CO., LTD.` and `ACME CO LTD` agree), 6-digit HS code and value. Columns a
//! provider may or may not include in an export (quantity, weight, declaration number, the national
//! code's extra digits) stay out of the key, so two exports of the same shipments with different
//! column choices still match. Summary rows have no bill of lading; the other fields identify them.
//! Where a file carries no money (every value zero), weight and quantity join the key, being the
//! only measures that tell its shipments apart.
//!
//! Two identical rows within one sheet are two shipments (a monthly summary can hold the same figures
//! twice), so the identity also counts occurrences: the n-th copy of a key in a sheet is its own
//! shipment, and importing the sheet again, or another export (another file, or another sheet of the
//! same workbook) holding the same rows, matches each copy once.

use super::record::ParsedRecord;
use std::collections::HashMap;
use xxhash_rust::xxh3::Xxh3;

/// The key of a record, before counting occurrences.
pub fn record_key(r: &ParsedRecord, buyer_key: &str, supplier_key: Option<&str>) -> u64 {
    let mut h = Xxh3::new();
    let mut field = |bytes: &[u8]| {
        h.update(bytes);
        h.update(&[0x1f]);
    };
    field(r.bill_of_lading.as_deref().unwrap_or("").as_bytes());
    field(&r.date.ymd_number().to_le_bytes());
    field(&[r.date.precision as u8]);
    field(buyer_key.as_bytes());
    field(supplier_key.unwrap_or("").as_bytes());
    field(&r.hs.hs6().0.to_le_bytes());
    field(&r.value.0.to_le_bytes());
    // Files without money (every value zero) tell shipments apart by weight and quantity alone.
    if r.value.0 == 0 {
        field(&rounded(r.weight_kg).to_le_bytes());
        field(&rounded(r.quantity).to_le_bytes());
    }
    h.digest()
}

/// Three decimals are enough to tell measures apart and to ignore float noise.
fn rounded(x: Option<f64>) -> i64 {
    x.map_or(i64::MIN, |v| (v * 1000.0).round() as i64)
}

/// Counts the copies of each key within one sheet and gives each copy its identity.
#[derive(Debug, Default)]
pub struct Occurrences {
    seen: HashMap<u64, u32>,
}

impl Occurrences {
    /// The identity of the next copy of `key` in this sheet.
    pub fn identity(&mut self, key: u64) -> i64 {
        let n = self.seen.entry(key).or_insert(0);
        *n += 1;
        let mut h = Xxh3::new();
        h.update(&key.to_le_bytes());
        h.update(&n.to_le_bytes());
        // SQLite integers are signed; the bits are what matter.
        h.digest() as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_within_a_file_are_distinct_and_repeat_across_files() {
        let mut first = Occurrences::default();
        let (a1, a2) = (first.identity(42), first.identity(42));
        assert_ne!(a1, a2);
        let mut again = Occurrences::default();
        assert_eq!(again.identity(42), a1);
        assert_eq!(again.identity(42), a2);
        assert_ne!(again.identity(7), a1);
    }
}
