//! Loading a workspace into a [`Dataset`] for analysis, in one pass over the shipments.

use super::{StoreError, Workspace};
use crate::model::date::from_ymd_number;
use crate::model::{Cents, Company, CompanyId, Dataset, Hs6, Precision, RecordDate, Shipment};
use rusqlite::types::ValueRef;
use rustc_hash::FxHashMap;
use std::collections::{HashMap, HashSet};

impl Workspace {
    /// Loads everything analysis needs.
    pub fn load_dataset(&self) -> Result<Dataset, StoreError> {
        // Alias ids are dense row ids: a vector indexed by id beats hashing a million lookups.
        let mut alias_company: Vec<Option<CompanyId>> = Vec::new();
        let mut companies: HashMap<CompanyId, Company> = HashMap::new();
        let mut keys_of: HashMap<CompanyId, Vec<String>> = HashMap::new();
        {
            let mut stmt = self
                .conn
                .prepare("SELECT a.id, a.raw, a.key, c.id, c.name FROM aliases a JOIN companies c ON c.id = a.company_id ORDER BY a.id")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let company = CompanyId(r.get(3)?);
                let alias = usize::try_from(r.get::<_, i64>(0)?).unwrap_or(0);
                if alias_company.len() <= alias {
                    alias_company.resize(alias + 1, None);
                }
                alias_company[alias] = Some(company);
                let entry = companies.entry(company).or_insert_with(|| Company {
                    id: company,
                    name: String::new(),
                    aliases: Vec::new(),
                    keys: Vec::new(),
                });
                entry.name = r.get(4)?;
                entry.aliases.push(r.get(1)?);
                let key: String = r.get(2)?;
                if !entry.keys.contains(&key) {
                    entry.keys.push(key.clone());
                }
                keys_of.entry(company).or_default().push(key);
            }
        }
        let role_companies = |role: &str| -> Result<HashSet<CompanyId>, StoreError> {
            let mut stmt = self.conn.prepare("SELECT key FROM party_roles WHERE role = ?1")?;
            let keys: HashSet<String> = stmt.query_map([role], |r| r.get::<_, String>(0))?.collect::<Result<_, _>>()?;
            Ok(keys_of.iter().filter(|(_, ks)| ks.iter().any(|k| keys.contains(k))).map(|(id, _)| *id).collect())
        };
        let me = role_companies("me")?;
        let competitors = role_companies("competitor")?;
        let mut countries: Vec<String> = Vec::new();
        let mut country_index: FxHashMap<String, u16> = FxHashMap::default();
        let mut intern = |v: ValueRef<'_>| -> Option<u16> {
            let ValueRef::Text(bytes) = v else { return None };
            let text = std::str::from_utf8(bytes).ok()?;
            if let Some(i) = country_index.get(text) {
                return Some(*i);
            }
            let i = u16::try_from(countries.len()).ok()?;
            countries.push(text.to_string());
            country_index.insert(text.to_string(), i);
            Some(i)
        };
        let total = self.shipment_count()? as usize;
        let mut shipments = Vec::with_capacity(total);
        let mut stmt = self.conn.prepare(
            "SELECT date, precision, buyer_alias, supplier_alias, hs6, value_cents, weight_kg, origin, destination FROM shipments",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let Some(day) = from_ymd_number(r.get(0)?) else { continue };
            let precision = if r.get::<_, i64>(1)? == 1 { Precision::Month } else { Precision::Day };
            let company = |alias: i64| usize::try_from(alias).ok().and_then(|a| alias_company.get(a).copied().flatten());
            let Some(buyer) = company(r.get(2)?) else { continue };
            let supplier = r.get::<_, Option<i64>>(3)?.and_then(company);
            shipments.push(Shipment {
                date: RecordDate { day, precision },
                buyer,
                supplier,
                hs6: Hs6(r.get::<_, i64>(4)? as u32),
                value: Cents(r.get(5)?),
                weight_kg: r.get(6)?,
                origin: intern(r.get_ref(7)?),
                destination: intern(r.get_ref(8)?),
            });
        }
        drop(rows);
        let catalog = self.catalog()?;
        let descriptions = self.file_descriptions()?;
        Ok(Dataset { shipments, companies, countries, me, competitors, catalog, descriptions })
    }

    /// The most common product description the files give each code.
    pub fn file_descriptions(&self) -> Result<HashMap<Hs6, String>, StoreError> {
        let mut stmt = self.conn.prepare("SELECT hs6, description FROM code_descriptions ORDER BY hs6, rows DESC, description")?;
        let mut out: HashMap<Hs6, String> = HashMap::new();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            out.entry(Hs6(r.get::<_, i64>(0)? as u32)).or_insert(r.get(1)?);
        }
        Ok(out)
    }
}
