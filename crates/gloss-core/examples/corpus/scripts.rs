//! Text in other scripts: Korean, Chinese, Cyrillic and Arabic words made from their letters,
//! so the corpus has the multi-byte text real clippings have (without anyone's writing in it).

use rand::RngExt;
use rand::rngs::ChaCha8Rng;
use rand::seq::IndexedRandom;

/// A writing system the generator can write in.
#[derive(Debug, Clone, Copy)]
pub enum Script {
    Korean,
    Chinese,
    Cyrillic,
    Arabic,
}

pub const ALL: [Script; 4] = [Script::Korean, Script::Chinese, Script::Cyrillic, Script::Arabic];

/// Common Han characters, written without spaces between words.
const HAN: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";
const CYRILLIC: &[&str] = &[
    "ра", "но", "ко", "ли", "ст", "ве", "ни", "то", "ма", "про", "за", "де", "ре", "ло", "ска", "ва", "жи", "ны", "ци",
    "ря", "шо", "ще", "ду", "ки", "ель", "ов", "ий", "ая",
];
const ARABIC_LETTERS: &str = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
const CHINESE_PUNCTUATION: &[&str] = &["，", "，", "、", "；"];

/// One word (for Chinese, a run of characters) in `script`.
pub fn word(rng: &mut ChaCha8Rng, script: Script) -> String {
    match script {
        Script::Korean => (0..rng.random_range(2..=4)).map(|_| hangul_syllable(rng)).collect(),
        Script::Chinese => {
            let han: Vec<char> = HAN.chars().collect();
            (0..rng.random_range(2..=6)).filter_map(|_| han.choose(rng).copied()).collect()
        }
        Script::Cyrillic => (0..rng.random_range(2..=4)).filter_map(|_| CYRILLIC.choose(rng).copied()).collect(),
        Script::Arabic => {
            let letters: Vec<char> = ARABIC_LETTERS.chars().collect();
            (0..rng.random_range(3..=6)).filter_map(|_| letters.choose(rng).copied()).collect()
        }
    }
}

/// A syllable block of Hangul: initial, vowel and (sometimes) final consonant.
fn hangul_syllable(rng: &mut ChaCha8Rng) -> char {
    let initial = rng.random_range(0..19u32);
    let vowel = rng.random_range(0..21u32);
    let last = if rng.random_bool(0.4) { rng.random_range(1..28u32) } else { 0 };
    char::from_u32(0xAC00 + (initial * 21 + vowel) * 28 + last).unwrap_or('가')
}

/// A sentence of `words` words in `script`, punctuated as the script is.
pub fn sentence(rng: &mut ChaCha8Rng, script: Script, words: usize) -> String {
    let mut out = String::new();
    for i in 0..words {
        let piece = word(rng, script);
        if matches!(script, Script::Chinese) {
            out.push_str(&piece);
            if i + 1 < words && rng.random_bool(0.2) {
                out.push_str(CHINESE_PUNCTUATION.choose(rng).unwrap_or(&"，"));
            }
        } else {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(&piece);
        }
    }
    out.push_str(if matches!(script, Script::Chinese) { "。" } else { "." });
    out
}

/// A paragraph of a few sentences in `script`.
pub fn paragraph(rng: &mut ChaCha8Rng, script: Script) -> String {
    let count = rng.random_range(2..=6);
    let sentences: Vec<String> = (0..count)
        .map(|_| {
            let words = rng.random_range(5..=14);
            sentence(rng, script, words)
        })
        .collect();
    let gap = if matches!(script, Script::Chinese) { "" } else { " " };
    sentences.join(gap)
}
