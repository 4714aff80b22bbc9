//! Arguments as the outside sees them: quoted and attributed, so adapters can show who argues
//! what without reaching into the pack.

use serde::{Deserialize, Serialize};

use crate::pack::{ArgumentIndex, Pack};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArgumentRef {
    pub index: ArgumentIndex,
    pub id: String,
    pub position: String,
    pub side: String,
    pub author: String,
    pub source: String,
    /// Who to credit: the author, or the source when the author is unsigned.
    pub speaker: String,
    /// Author and source in one line, for citing the quote.
    pub citation: String,
    pub claim: String,
    /// Verbatim from the source.
    pub quote: String,
}

impl ArgumentRef {
    pub fn new(pack: &Pack, index: ArgumentIndex) -> ArgumentRef {
        let argument = &pack.arguments[index];
        let position = pack.position_of(argument);
        ArgumentRef {
            index,
            id: argument.id.clone(),
            position: position.id.clone(),
            side: argument.side.clone(),
            author: position.author.clone(),
            source: position.source.clone(),
            speaker: position.speaker().to_string(),
            citation: position.citation(),
            claim: argument.claim.clone(),
            quote: argument.quote.clone(),
        }
    }
}

/// A side with what a student needs to argue it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SideRef {
    pub id: String,
    pub name: String,
    pub summary: String,
}

impl SideRef {
    pub fn new(pack: &Pack, id: &str) -> Option<SideRef> {
        pack.side(id).map(|side| SideRef {
            id: side.id.clone(),
            name: side.name.clone(),
            summary: side.summary.clone(),
        })
    }

    /// The side a round was started on, named by its id alone when the pack no longer has it
    /// (a reload or re-upload renamed or dropped it mid-round).
    pub fn of_round(pack: &Pack, id: &str) -> SideRef {
        SideRef::new(pack, id).unwrap_or_else(|| SideRef {
            id: id.to_string(),
            name: id.to_string(),
            summary: String::new(),
        })
    }
}
