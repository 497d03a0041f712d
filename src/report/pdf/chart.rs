//! Vector charts over categories (quarters): areas, lines and bars on a money axis with shares on a
//! second axis ([`LineChart`]), and stacked bars per category ([`StackedBars`]: shares to 100%, or
//! counts or money stacked from zero, with a line on the same axis or on its own at the right); each
//! with its legend below. They return drawing operations inside the box they are given.

use super::wrap::truncate;
use super::{Color, Face, Op, Style};

/// How a series is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// A filled area down to zero.
    Area,
    /// A line with dots.
    Line,
    /// A dashed line.
    Dashed,
    /// Dots only, unjoined: single quarters marked on another series (a fall in our sales).
    Dots,
}

/// Which axis a series is read on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axis {
    /// Money, on the left.
    Left,
    /// Shares (0–1, printed as %), on the right.
    Right,
}

/// One series: a value per category (`None`: nothing to draw there).
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Its name in the legend.
    pub name: String,
    /// Colour.
    pub color: Color,
    /// Values, one per category.
    pub values: Vec<Option<f64>>,
    /// How it is drawn (stacked bars ignore it).
    pub mark: Mark,
    /// Its axis (stacked bars ignore it).
    pub axis: Axis,
}

/// Areas and lines over categories: money on the left axis, shares on the right.
#[derive(Debug, Clone)]
pub struct LineChart {
    /// Category labels (x axis).
    pub labels: Vec<String>,
    /// Drawn in order: areas first, so lines stay on top.
    pub series: Vec<Series>,
    /// How the left axis prints money.
    pub money: fn(f64) -> String,
}

/// What the bars of a [`StackedBars`] measure, and so how its left axis reads.
#[derive(Debug, Clone, Copy)]
pub enum Scale {
    /// Shares of each category: every stack reaches at most 100%.
    Shares,
    /// Whole numbers (customers) stacked from zero up to the tallest stack.
    Counts,
    /// Money stacked from zero up to the tallest stack, printed by the function.
    Money(fn(f64) -> String),
}

/// Stacked bars per category, with an optional line over them.
#[derive(Debug, Clone)]
pub struct StackedBars {
    /// Category labels (x axis).
    pub labels: Vec<String>,
    /// Stacked bottom to top.
    pub series: Vec<Series>,
    /// What the bars measure.
    pub scale: Scale,
    /// A line over the bars (the concentration index; our sales).
    pub line: Option<Series>,
    /// The line's own axis at the right, its ticks printed by this function (money); `None`: the
    /// line reads on the bars' axis.
    pub line_axis: Option<fn(f64) -> String>,
}

/// A step of 1, 2, 2.5 or 5 times a power of ten giving about four intervals up to `max`.
fn nice_step(max: f64) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let raw = max / 4.0;
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * power).find(|s| *s >= raw).unwrap_or(10.0 * power)
}

fn percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// Places of the plot, axes and legend inside a chart's box.
struct Frame {
    left: f32,
    top: f32,
    right: f32,
    bottom: f32,
    slot: f32,
}

impl Frame {
    fn x(&self, i: usize) -> f32 {
        self.left + (i as f32 + 0.5) * self.slot
    }
}

const AXIS: Style = Style { size: 7.0, color: Color::MUTED, bold: false, leading: 1.3 };

/// The legend's lines (swatch and name per entry) at the bottom of the box; returns its height.
fn legend(face: &Face, ops: &mut Vec<Op>, area: (f32, f32, f32, f32), entries: &[(&str, Color, bool)]) -> f32 {
    let (x0, _, w, _) = area;
    let style = Style { size: 7.5, ..Style::SMALL };
    let mut rows: Vec<Vec<(String, Color, bool, f32)>> = vec![Vec::new()];
    let mut used = 0.0;
    for (name, color, line) in entries {
        let name = truncate(face, name, style.size, w * 0.45);
        let width = 14.0 + face.width(&name, style.size) + 12.0;
        if used + width > w && used > 0.0 {
            rows.push(Vec::new());
            used = 0.0;
        }
        if let Some(row) = rows.last_mut() {
            row.push((name, *color, *line, used));
        }
        used += width;
    }
    let height = rows.len() as f32 * style.line_height();
    let top = area.1 + area.3 - height;
    for (r, row) in rows.iter().enumerate() {
        let mid = top + (r as f32 + 0.5) * style.line_height();
        for (name, color, line, at) in row {
            let x = x0 + at;
            if *line {
                ops.push(Op::Line { points: vec![(x, mid), (x + 10.0, mid)], color: *color, width: 1.6, dashed: false });
            } else {
                ops.push(Op::Rect { x, y: mid - 4.0, w: 10.0, h: 8.0, fill: Some(*color), stroke: None });
            }
            let (ascent, descent) = face.extent(style.size);
            ops.push(Op::Text { x: x + 14.0, y: mid + (ascent - descent) / 2.0, text: name.clone(), style });
        }
    }
    height
}

/// An axis's tick values and how they are printed.
type Ticks<'a> = Option<(&'a [f64], &'a dyn Fn(f64) -> String)>;

/// Axes, grid and category labels; returns the plot's frame.
fn axes(face: &Face, ops: &mut Vec<Op>, area: (f32, f32, f32, f32), legend_h: f32, labels: &[String], left: Ticks, right: Ticks) -> Frame {
    let (x0, y0, w, h) = area;
    let label_w = |ticks: Ticks| ticks.map_or(0.0, |(t, f)| t.iter().map(|v| face.width(&f(*v), AXIS.size)).fold(0.0, f32::max) + 5.0);
    let (lw, rw) = (label_w(left), label_w(right));
    let bottom = y0 + h - legend_h - AXIS.line_height() - 6.0;
    let frame = Frame { left: x0 + lw, top: y0 + face.extent(AXIS.size).0, right: x0 + w - rw.max(4.0), bottom, slot: 0.0 };
    let slot = (frame.right - frame.left) / labels.len().max(1) as f32;
    let frame = Frame { slot, ..frame };
    let (ascent, _) = face.extent(AXIS.size);
    for (side, ticks) in [(0, left), (1, right)] {
        let Some((ticks, fmt)) = ticks else { continue };
        let max = ticks.last().copied().unwrap_or(1.0).max(f64::EPSILON);
        for v in ticks {
            let y = frame.bottom - (v / max) as f32 * (frame.bottom - frame.top);
            if side == 0 || left.is_none() {
                ops.push(Op::Line { points: vec![(frame.left, y), (frame.right, y)], color: Color::RULE, width: 0.4, dashed: false });
            }
            let text = fmt(*v);
            let x = if side == 0 { frame.left - 4.0 - face.width(&text, AXIS.size) } else { frame.right + 4.0 };
            ops.push(Op::Text { x, y: y + ascent / 2.5, text, style: AXIS });
        }
    }
    // Every label when they fit, else every other one (always the last).
    let widest = labels.iter().map(|l| face.width(l, AXIS.size)).fold(0.0, f32::max);
    let every = if widest + 4.0 <= slot { 1 } else { ((widest + 4.0) / slot).ceil() as usize };
    for (i, label) in labels.iter().enumerate() {
        if (labels.len() - 1 - i).is_multiple_of(every.max(1)) {
            let x = frame.x(i) - face.width(label, AXIS.size) / 2.0;
            ops.push(Op::Text { x: x.max(x0), y: frame.bottom + 4.0 + ascent, text: label.clone(), style: AXIS });
        }
    }
    frame
}

fn ticks(max: f64) -> Vec<f64> {
    ticks_from(max, nice_step(max))
}

fn ticks_from(max: f64, step: f64) -> Vec<f64> {
    let n = (max / step).ceil().max(1.0) as usize;
    (0..=n).map(|k| k as f64 * step).collect()
}

/// Ticks of whole numbers: never a step below one.
fn count_ticks(max: f64) -> Vec<f64> {
    ticks_from(max.max(1.0), nice_step(max).max(1.0).round())
}

fn count(x: f64) -> String {
    format!("{x:.0}")
}

/// A series' line or dots on the plot.
fn mark_line(ops: &mut Vec<Op>, run: Vec<(f32, f32)>, color: Color, mark: Mark) {
    match mark {
        Mark::Dots => {
            for (x, y) in &run {
                ops.push(Op::Rect { x: x - 2.5, y: y - 2.5, w: 5.0, h: 5.0, fill: Some(color), stroke: Some((Color::WHITE, 0.6)) });
            }
        }
        _ => {
            for (x, y) in run.iter().filter(|_| mark == Mark::Line) {
                ops.push(Op::Rect { x: x - 1.5, y: y - 1.5, w: 3.0, h: 3.0, fill: Some(color), stroke: None });
            }
            if run.len() > 1 {
                ops.push(Op::Line { points: run, color, width: 1.5, dashed: mark == Mark::Dashed });
            }
        }
    }
}

fn polyline(frame: &Frame, values: &[Option<f64>], max: f64) -> Vec<Vec<(f32, f32)>> {
    let y = |v: f64| frame.bottom - (v / max).clamp(0.0, 1.0) as f32 * (frame.bottom - frame.top);
    let mut runs: Vec<Vec<(f32, f32)>> = vec![Vec::new()];
    for (i, v) in values.iter().enumerate() {
        match v.filter(|v| v.is_finite()) {
            Some(v) => runs.last_mut().into_iter().for_each(|r| r.push((frame.x(i), y(v)))),
            None => runs.push(Vec::new()),
        }
    }
    runs.retain(|r| !r.is_empty());
    runs
}

impl LineChart {
    /// The chart's operations inside `area` (left, top, width, height).
    pub fn draw(&self, face: &Face, area: (f32, f32, f32, f32)) -> Vec<Op> {
        let mut ops = Vec::new();
        let entries: Vec<(&str, Color, bool)> =
            self.series.iter().map(|s| (s.name.as_str(), s.color, !matches!(s.mark, Mark::Area | Mark::Dots))).collect();
        let legend_h = legend(face, &mut ops, area, &entries);
        let max_on = |axis: Axis| {
            self.series.iter().filter(|s| s.axis == axis).flat_map(|s| s.values.iter().flatten()).fold(0.0_f64, |m, v| m.max(*v))
        };
        let (left_ticks, right_ticks) = (ticks(max_on(Axis::Left)), ticks(max_on(Axis::Right).clamp(0.25, 1.0)));
        let money = self.money;
        let has_right = self.series.iter().any(|s| s.axis == Axis::Right);
        let frame = axes(
            face,
            &mut ops,
            area,
            legend_h,
            &self.labels,
            Some((left_ticks.as_slice(), &money as &dyn Fn(f64) -> String)),
            has_right.then_some((right_ticks.as_slice(), &percent as &dyn Fn(f64) -> String)),
        );
        for s in &self.series {
            let max = match s.axis {
                Axis::Left => left_ticks.last().copied().unwrap_or(1.0),
                Axis::Right => right_ticks.last().copied().unwrap_or(1.0),
            }
            .max(f64::EPSILON);
            for run in polyline(&frame, &s.values, max) {
                match s.mark {
                    Mark::Area => {
                        let (first, last) = (run.first().map_or(frame.left, |p| p.0), run.last().map_or(frame.left, |p| p.0));
                        let mut points = run.clone();
                        points.extend([(last, frame.bottom), (first, frame.bottom)]);
                        ops.push(Op::Area { points, color: s.color.tint(0.35) });
                        ops.push(Op::Line { points: run, color: s.color, width: 1.0, dashed: false });
                    }
                    Mark::Line | Mark::Dashed | Mark::Dots => mark_line(&mut ops, run, s.color, s.mark),
                }
            }
        }
        ops.push(Op::Line {
            points: vec![(frame.left, frame.bottom), (frame.right, frame.bottom)],
            color: Color::MUTED,
            width: 0.6,
            dashed: false,
        });
        ops
    }
}

impl StackedBars {
    /// The chart's operations inside `area` (left, top, width, height).
    pub fn draw(&self, face: &Face, area: (f32, f32, f32, f32)) -> Vec<Op> {
        let mut ops = Vec::new();
        let mut entries: Vec<(&str, Color, bool)> = self.series.iter().map(|s| (s.name.as_str(), s.color, false)).collect();
        if let Some(line) = &self.line {
            entries.push((line.name.as_str(), line.color, true));
        }
        let legend_h = legend(face, &mut ops, area, &entries);
        let stack = |i: usize| self.series.iter().map(|s| s.values.get(i).copied().flatten().unwrap_or(0.0).max(0.0)).sum::<f64>();
        let tallest = (0..self.labels.len()).map(stack).fold(0.0_f64, f64::max);
        let line_max = self.line.iter().flat_map(|l| l.values.iter().flatten()).fold(0.0_f64, |m, v| m.max(*v));
        let own_axis = self.line_axis.filter(|_| self.line.is_some());
        // The bars' axis also holds the line when the line has no axis of its own.
        let on_left = if own_axis.is_some() { tallest } else { tallest.max(line_max) };
        let (left, print): (Vec<f64>, &dyn Fn(f64) -> String) = match &self.scale {
            Scale::Shares => (vec![0.0, 0.25, 0.5, 0.75, 1.0], &percent),
            Scale::Counts => (count_ticks(on_left), &count),
            Scale::Money(f) => (ticks(on_left), f),
        };
        let right = own_axis.map(|f| (ticks(line_max), f));
        let frame = axes(
            face,
            &mut ops,
            area,
            legend_h,
            &self.labels,
            Some((left.as_slice(), print)),
            right.as_ref().map(|(t, f)| (t.as_slice(), f as &dyn Fn(f64) -> String)),
        );
        let left_max = left.last().copied().unwrap_or(1.0).max(f64::EPSILON);
        let height = frame.bottom - frame.top;
        for i in 0..self.labels.len() {
            let mut base = frame.bottom;
            let w = frame.slot * 0.62;
            for s in &self.series {
                let v = (s.values.get(i).copied().flatten().unwrap_or(0.0) / left_max).clamp(0.0, 1.0) as f32;
                if v <= 0.0 {
                    continue;
                }
                let h = (v * height).min(base - frame.top);
                ops.push(Op::Rect { x: frame.x(i) - w / 2.0, y: base - h, w, h, fill: Some(s.color), stroke: Some((Color::WHITE, 0.3)) });
                base -= h;
            }
        }
        if let Some(line) = &self.line {
            let max = right.as_ref().and_then(|(t, _)| t.last().copied()).unwrap_or(left_max).max(f64::EPSILON);
            for run in polyline(&frame, &line.values, max) {
                mark_line(&mut ops, run, line.color, Mark::Line);
            }
        }
        ops.push(Op::Line {
            points: vec![(frame.left, frame.bottom), (frame.right, frame.bottom)],
            color: Color::MUTED,
            width: 0.6,
            dashed: false,
        });
        ops
    }
}
