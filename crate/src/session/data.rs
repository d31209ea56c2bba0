//! The session's data panel (neural landscapes): drawn with the model's output at the iterate of
//! the first method that is on, and a click there that adds or removes a point.

use crate::error::{Error, Why};
use crate::method::catalog::METHOD_IDS;
use crate::picture::data;
use crate::picture::sketch::{rgba, Sketch};
use crate::picture::style::method_style;
use crate::session::Session;
use crate::share::link::takes_points;

/// Inputs at which the panel draws the model's output.
const CURVE_POINTS: usize = 121;

impl Session {
    /// Draws the data panel of `size` CSS pixels on `out` (nothing for a landscape without data):
    /// the points, and the model's output at the first method on, in its colour.
    pub fn draw_data(&self, out: &mut Sketch, size: (f64, f64)) {
        out.clear();
        let points = self.points();
        if !takes_points(self.config.preset) {
            return;
        }
        let at = (0..METHOD_IDS.len())
            .find_map(|i| self.readout(i).map(|r| (i, [r.x, r.y])))
            .filter(|(_, x)| x.iter().all(|v| v.is_finite()));
        let output = at.and_then(|(i, x)| Some((self.model_output(&x, CURVE_POINTS).ok()?, i)));
        let curve = output
            .as_ref()
            .map(|(ys, i)| (ys.as_slice(), rgba(method_style(*i).rgb, 1.0)));
        data::draw(out, &points, curve, size);
    }

    /// A click at `at` (CSS pixels) in the data panel of `size`: removes the point under it or
    /// adds one there (then restarts the runs); refused when the data is full.
    pub fn data_click(&mut self, at: (f64, f64), size: (f64, f64)) -> Result<(), Error> {
        if !takes_points(self.config.preset) {
            return Err(Error::NotHere(Why::NoData));
        }
        let next = data::after_click(&self.points(), at, size).ok_or(Error::OutOfRange(Why::DataFull))?;
        self.set_points(&next)
    }
}

#[cfg(test)]
mod tests {
    use crate::error::{Error, Why};
    use crate::numbers::RustNumbers;
    use crate::picture::sketch::Sketch;
    use crate::session::Session;

    #[test]
    fn a_click_in_the_data_panel_changes_the_data_and_restarts() {
        let mut s = Session::new("neuron", &RustNumbers).expect("a preset");
        let before = s.points();
        s.step(5);
        s.data_click((130.0, 60.0), (260.0, 120.0)).expect("room for one more");
        assert_eq!(s.points().len(), before.len() + 2);
        assert_eq!(s.points()[before.len()..], [0.0, 0.5], "the middle of the box");
        assert_eq!(s.readout(0).map(|r| r.iteration), Some(0), "restarted");
        s.data_click((130.0, 60.0), (260.0, 120.0)).expect("removes it");
        assert_eq!(s.points(), before);
        let mut out = Sketch::default();
        s.draw_data(&mut out, (260.0, 120.0));
        assert!(!out.ops.is_empty());
        let mut other = Session::new("himmelblau", &RustNumbers).expect("a preset");
        assert_eq!(
            other.data_click((1.0, 1.0), (260.0, 120.0)),
            Err(Error::NotHere(Why::NoData))
        );
        other.draw_data(&mut out, (260.0, 120.0));
        assert!(out.ops.is_empty(), "no panel");
    }
}
