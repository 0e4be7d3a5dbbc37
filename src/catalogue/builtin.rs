//! The built-in product-management ladder: compiled into the binary as the validated model.
//!
//! `build.rs` parses `data/ladder.yaml` and validates it with the program's own validation when
//! `ladder` is built, and writes Rust code that builds the resulting [`Catalogue`]. Starting
//! `ladder` therefore parses and validates nothing; the YAML text is embedded as well, for
//! `ladder check`, which reads it afresh, and for the (build-warned) case that it did not validate.

// The generated code names these types, except when the YAML did not validate (`None`).
#[allow(unused_imports)]
use crate::model::{Catalogue, Role, Source, Tenure, TenureBasis, TitlesBySize, Track};

include!(concat!(env!("OUT_DIR"), "/builtin.rs"));
