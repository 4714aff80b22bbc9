//! Measuring quality over labelled sets: the matcher's recognition, the scorer's ordering.
