//! Format detection from file content.

use crate::LoadError;
use std::path::Path;

/// A published list format tamga reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// OFAC legacy CSV set (sdn/add/alt/sdn_comments or cons_prim/cons_add/…).
    OfacCsv,
    /// OFAC XML (sdn.xml / CONSOLIDATED.XML schema).
    OfacXml,
    /// OFAC Advanced XML (SDN_ADVANCED.xml / cons_advanced.xml schema).
    OfacAdvancedXml,
    /// UN Security Council consolidated list XML.
    UnXml,
    /// EU Financial Sanctions Files XML.
    EuFsfXml,
    /// UK OFSI consolidated list, xlsx as published.
    UkOfsiXlsx,
    /// UK OFSI consolidated list, csv.
    UkOfsiCsv,
    /// UK FCDO UK Sanctions List XML.
    UkFcdoXml,
    /// Canada SEMA consolidated XML.
    CaSemaXml,
    /// OpenSanctions FollowTheMoney JSON lines.
    FtmJson,
    /// A user's own CSV list.
    CustomCsv,
}

impl Format {
    /// Stable slug used in `ListMeta::format` and `tamga lists inspect`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::OfacCsv => "ofac_csv",
            Format::OfacXml => "ofac_xml",
            Format::OfacAdvancedXml => "ofac_advanced_xml",
            Format::UnXml => "un_xml",
            Format::EuFsfXml => "eu_fsf_xml",
            Format::UkOfsiXlsx => "uk_ofsi_xlsx",
            Format::UkOfsiCsv => "uk_ofsi_csv",
            Format::UkFcdoXml => "uk_fcdo_xml",
            Format::CaSemaXml => "ca_sema_xml",
            Format::FtmJson => "ftm_json",
            Format::CustomCsv => "custom_csv",
        }
    }
}

/// Detects the format of a file or publication directory from its content.
pub fn detect_format(path: &Path) -> Result<Format, LoadError> {
    let _ = path;
    Err(LoadError::file(path, "format detection not implemented yet"))
}
