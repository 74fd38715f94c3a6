//! The five sample articles, built into the binary so an installed gloss shows something anywhere.

/// File name and text of each built-in seed article, in order.
pub const SEEDS: [(&str, &str); 5] = [
    ("000_a7678b54e883ccb6.txt", include_str!("../../../../seeds/000_a7678b54e883ccb6.txt")),
    ("001_83b17aba16443aae.txt", include_str!("../../../../seeds/001_83b17aba16443aae.txt")),
    ("002_acb96b68d56a8566.txt", include_str!("../../../../seeds/002_acb96b68d56a8566.txt")),
    ("003_12e60f9c685f900f.txt", include_str!("../../../../seeds/003_12e60f9c685f900f.txt")),
    ("004_02fa7c9caa555c49.txt", include_str!("../../../../seeds/004_02fa7c9caa555c49.txt")),
];
