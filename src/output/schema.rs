//! The JSON Schema (2020-12) of every record, generated from the record types themselves, so
//! it cannot drift from what the program writes. `directives schema` prints it.

use schemars::generate::SchemaSettings;
use serde_json::{json, Value};

use super::{DocumentRecord, SentenceRecord, Summary, TaskRecord, SCHEMA_VERSION};

/// The schema of one record of any type, with each record type under `$defs`.
pub fn schema() -> Value {
    let mut generator = SchemaSettings::draft2020_12().into_generator();
    let refs: Vec<Value> = [
        generator.subschema_for::<TaskRecord>(),
        generator.subschema_for::<DocumentRecord>(),
        generator.subschema_for::<Summary>(),
        generator.subschema_for::<SentenceRecord>(),
    ]
    .into_iter()
    .map(|s| s.to_value())
    .collect();
    let defs: serde_json::Map<String, Value> =
        generator.take_definitions(true).into_iter().collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("https://directives.invalid/schema/v{SCHEMA_VERSION}/record.json"),
        "title": "A record written by directives",
        "description": format!("One line of `directives --format jsonl`: a task, document, summary or sentence record. Records carry \"schema_version\": {SCHEMA_VERSION}; within a version fields are only added."),
        "oneOf": refs,
        "$defs": defs,
    })
}
