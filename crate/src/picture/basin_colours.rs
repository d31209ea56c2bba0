//! The colours of the basin maps: each minimum its own colour (Dark2, a qualitative palette
//! that stays distinct in print), the other critical points by kind, diverged starts dark red,
//! starts that reached none white; and the legend that names them.

use crate::analysis::hessian::CriticalKind;

/// Label of a start that diverged.
pub const DIVERGED: u8 = 254;
/// Label of a start that reached no critical point.
pub const NONE: u8 = 255;

const MINIMA: [u32; 8] = [
    0xe6ab02, 0x1b9e77, 0xd95f02, 0x7570b3, 0xe7298a, 0x66a61e, 0xa6761d, 0x1f78b4,
];
const DIVERGED_RGB: u32 = 0x7f0000;
const NONE_RGB: u32 = 0xffffff;

fn kind_rgb(kind: CriticalKind) -> u32 {
    match kind {
        CriticalKind::Saddle => 0xc7d3e6,
        CriticalKind::Maximum => 0x4d4d4d,
        _ => 0xb3b3b3,
    }
}

/// What a legend entry names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Entry {
    /// A minimum.
    Minimum {
        /// Its number, from 1.
        n: usize,
        /// Its index in the list of critical points.
        index: usize,
    },
    /// Every critical point of this kind (not a minimum).
    Kind(CriticalKind),
    /// Starts that diverged.
    Diverged,
    /// Starts that reached no critical point.
    Unreached,
}

/// The colour (`0xRRGGBB`) of each critical point of `kinds`, in order.
pub fn colours(kinds: &[CriticalKind]) -> Vec<u32> {
    let mut minima = 0;
    (kinds.iter())
        .map(|&k| match k {
            CriticalKind::Minimum => {
                minima += 1;
                MINIMA[(minima - 1) % MINIMA.len()]
            }
            other => kind_rgb(other),
        })
        .collect()
}

/// The colour of every label `0..=255` as a pixel word in memory order (`R G B A` bytes, read
/// as a little-endian `u32`: an `ImageData`'s `Uint32Array` view).
pub fn label_words(kinds: &[CriticalKind]) -> Vec<u32> {
    let word = |rgb: u32| 0xff00_0000 | (rgb & 0xff) << 16 | (rgb & 0xff00) | (rgb >> 16 & 0xff);
    let mut words = vec![word(NONE_RGB); 256];
    for (w, rgb) in words
        .iter_mut()
        .zip(colours(kinds).into_iter().take(usize::from(DIVERGED)))
    {
        *w = word(rgb);
    }
    words[usize::from(DIVERGED)] = word(DIVERGED_RGB);
    words
}

/// The legend: a swatch per minimum, one per other kind present, then diverged and unreached.
pub fn legend(kinds: &[CriticalKind]) -> Vec<(u32, Entry)> {
    let rgb = colours(kinds);
    let mut out: Vec<(u32, Entry)> = Vec::new();
    let mut minima = 0;
    for (index, &k) in kinds.iter().enumerate() {
        if k == CriticalKind::Minimum {
            minima += 1;
            out.push((rgb[index], Entry::Minimum { n: minima, index }));
        } else if !out.iter().any(|(_, e)| *e == Entry::Kind(k)) {
            out.push((rgb[index], Entry::Kind(k)));
        }
    }
    out.extend([(DIVERGED_RGB, Entry::Diverged), (NONE_RGB, Entry::Unreached)]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use CriticalKind::*;

    #[test]
    fn minima_are_told_apart_and_other_kinds_share_a_colour() {
        let kinds = [Minimum, Saddle, Minimum, Saddle, Maximum];
        let c = colours(&kinds);
        assert_ne!(c[0], c[2], "two minima, two colours");
        assert_eq!(c[1], c[3], "saddles alike");
        assert!(!c.contains(&DIVERGED_RGB) && !c.contains(&NONE_RGB));
        let words = label_words(&kinds);
        assert_eq!(words[0], 0xff02_abe6, "RGBA bytes of #e6ab02, little-endian");
        assert_eq!(words[usize::from(DIVERGED)], 0xff00_007f);
        assert_eq!(words[5], 0xffff_ffff, "no such label: white");
        let legend = legend(&kinds);
        let entries: Vec<Entry> = legend.iter().map(|(_, e)| *e).collect();
        assert_eq!(
            entries,
            [
                Entry::Minimum { n: 1, index: 0 },
                Entry::Kind(Saddle),
                Entry::Minimum { n: 2, index: 2 },
                Entry::Kind(Maximum),
                Entry::Diverged,
                Entry::Unreached
            ]
        );
    }
}
