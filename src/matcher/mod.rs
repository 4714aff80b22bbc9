//! Recognising what a student means: normalisation, the pack's index, ranking, and the choice
//! of counter. (Being built.)
