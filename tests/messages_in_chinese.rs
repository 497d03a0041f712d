mod common;

// Every word the import says about messy files — refused files, skipped sheets, notes on the
// columns chosen, warnings on numbers, refused rows — reads in Chinese in a Chinese window: the
// user's own words (file names, headers, cells) are quoted, everything around them is Chinese.

use common::{Scratch, V, assert_accounted, xlsx};
use customs_radar::store::ImportReport;
use customs_radar::text::{Lang, Message};

/// The messages an import report carries, each once.
fn messages(r: &ImportReport) -> Vec<Message> {
    let mut out: Vec<Message> = Vec::new();
    for f in &r.files {
        out.extend(f.reason.iter().cloned());
        out.extend(f.notes.iter().cloned());
        for s in &f.sheets {
            out.extend(s.reason.iter().cloned());
            out.extend(s.notes.iter().cloned());
            out.extend(s.warnings.iter().cloned());
        }
    }
    out.extend(r.rejected.iter().map(|row| row.reason.clone()));
    out.dedup();
    out
}

/// The text with the user's own words taken out: quoted spans, file paths, column headers.
fn without_quoted(text: &str, own: &[&str]) -> String {
    let mut t = text.to_string();
    for word in own {
        t = t.replace(word, " ");
    }
    let mut out = String::new();
    let mut depth = 0;
    for c in t.chars() {
        match c {
            '“' | '‘' => depth += 1,
            '”' | '’' => depth = (depth - 1).max(0),
            // ASCII quotes in Chinese text only ever wrap the user's own words.
            '\'' => depth = if depth == 0 { 1 } else { 0 },
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// A run of three or more English words: a sentence left untranslated.
fn english_run(text: &str) -> Option<String> {
    let mut run: Vec<&str> = Vec::new();
    for word in text.split(|c: char| !c.is_ascii_alphabetic() && c != '\'') {
        if word.len() >= 2 && word.chars().all(|c| c.is_ascii_alphabetic() || c == '\'') {
            run.push(word);
            if run.len() >= 3 {
                return Some(run.join(" "));
            }
        } else if !word.is_empty() {
            run.clear();
        }
    }
    None
}

#[test]
fn what_the_import_says_of_messy_files_reads_in_chinese() {
    let mut s = Scratch::new();
    // Refused rows of every common kind, a weight in tonnes, a value column with no currency.
    let csv = s.file(
        "march shipments.csv",
        "Date,Importer,Exporter,HS Code,Weight (tonnes),Value\n\
         2024-01-05,ACME TRADING,OUR CO,731815,2,25000\n\
         2024-01-06,,OUR CO,731815,1,12000\n\
         2024-01-07,***,OUR CO,731815,1,12000\n\
         not a date,BETA LTD,OUR CO,731815,1,12000\n\
         2024-01-08,BETA LTD,OUR CO,,1,12000\n\
         2024-01-09,BETA LTD,OUR CO,731815,1,twelve\n\
         2024-01-10,BETA LTD,OUR CO,731815,1,EUR 12.000\n\
         2024-01-11,GAMMA SA,OUR CO,731815,1,\n"
            .as_bytes(),
    );
    // A workbook with a sheet of notes (no header row) and an empty one beside the data.
    let book = s.path("vendor export.xlsx");
    let data = vec![
        vec![V::T("Date"), V::T("Importer"), V::T("Exporter"), V::T("HS Code"), V::T("Value USD")],
        vec![V::D(2024, 2, 1), V::T("DELTA GMBH"), V::T("OUR CO"), V::T("731815"), V::N(5000.0)],
        vec![V::D(2024, 2, 2), V::T("Importer"), V::T("OUR CO"), V::T("731815"), V::N(5000.0)],
    ];
    xlsx(&book, &[("Data", data), ("Notes", vec![vec![V::T("Provided by the data vendor")]]), ("Empty", vec![])]);
    // A sheet that names exporters but no buyers: refused with what was found.
    let exporters = s.path("exporters only.xlsx");
    xlsx(
        &exporters,
        &[(
            "Sheet1",
            vec![
                vec![V::T("EXPORTER_NAME"), V::T("HS_CODE"), V::T("TOTALVALUE"), V::T("MONTHYEAR")],
                vec![V::T("OUR CO"), V::T("731815"), V::N(100.0), V::T("2024-01")],
            ],
        )],
    );
    // Not a spreadsheet at all.
    let pdf = s.file("brochure.xlsx", b"%PDF-1.7\n1 0 obj << >> endobj\n");

    let report = s.import(&[csv, book, exporters, pdf]);
    assert_accounted(&report);
    let all = messages(&report);
    assert!(all.len() >= 10, "the files give the import plenty to say: {all:#?}");

    // The user's words and the literal things a user types: paths, the header names the app looks
    // for (`date/日期`), the mapping's field keys (`supplier = 'EXPORTER_NAME'`).
    let dir = s.dir.path().display().to_string();
    let mut own = vec![dir.as_str(), "--mapping FILE.json", "date/", "buyer/", "HS code/", "value/"];
    own.extend(["EXPORTER_NAME", "HS_CODE", "TOTALVALUE", "MONTHYEAR", "{\"buyer\""]);
    own.extend(["date =", "month =", "buyer =", "supplier =", "hs =", "value =", "description =", "quantity =", "destination ="]);
    let mut untranslated = Vec::new();
    for m in &all {
        let zh = m.render(Lang::Zh);
        let en = m.render(Lang::En);
        assert_ne!(zh, en, "{} has no Chinese", m.key());
        assert_eq!(en, m.to_string(), "the command line prints the English rendering");
        let bare = without_quoted(&zh, &own);
        if !bare.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
            untranslated.push(format!("{}: {zh}", m.key()));
        } else if let Some(run) = english_run(&bare) {
            untranslated.push(format!("{}: '{run}' in {zh}", m.key()));
        }
    }
    assert!(untranslated.is_empty(), "messages left in English in the Chinese window: {untranslated:#?}");
}
