//! Progress as one image. A student's: their round totals over time (left), the share of each
//! rubric category they earn on average (right), and the counters they drop most (below). A
//! class's, for an instructor: how the drill's round totals are spread (left), the same category
//! averages, and the counters the class drops most.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::font::{FAMILY, register};
use super::{ChartError, drawing};
use crate::drill::Progress;
use crate::prompts::Catalogue;

pub const WIDTH: u32 = 1000;
pub const HEIGHT: u32 = 640;
/// Where the two charts end and the list of dropped counters begins.
const CHARTS_HEIGHT: u32 = 420;
/// A line of the list of dropped counters is cut to this many characters, to fit the width.
const LINE_CHARS: usize = 112;

const LINE: RGBColor = RGBColor(31, 119, 180);
const BAR: RGBColor = RGBColor(44, 160, 44);
const INK: RGBColor = RGBColor(40, 40, 40);

/// Whose progress an image shows: one student's over time, or a class's in one drill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whose {
    Student,
    Class,
}

/// The progress chart as PNG bytes, `WIDTH` × `HEIGHT` pixels.
pub fn progress_png(
    progress: &Progress,
    whose: Whose,
    catalogue: &Catalogue,
) -> Result<Vec<u8>, ChartError> {
    register();
    let mut rgb = vec![0u8; (WIDTH * HEIGHT * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut rgb, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&WHITE).map_err(drawing)?;
        let (charts, list) = root.split_vertically(CHARTS_HEIGHT);
        let (totals, categories) = charts.split_horizontally(WIDTH * 11 / 20);
        match whose {
            Whose::Student => draw_totals(&totals, progress, catalogue)?,
            Whose::Class => draw_distribution(&totals, progress, catalogue)?,
        }
        draw_categories(&categories, progress, whose, catalogue)?;
        draw_dropped(&list, progress, whose, catalogue)?;
        root.present().map_err(drawing)?;
    }
    encode(&rgb)
}

/// The builder every chart here starts from: its caption, margin and room for axis labels.
fn framed<'a, 'b, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    caption: String,
) -> ChartBuilder<'a, 'b, DB> {
    let mut builder = ChartBuilder::on(area);
    builder
        .caption(caption, (FAMILY, 22))
        .margin(16)
        .x_label_area_size(40)
        .y_label_area_size(48);
    builder
}

fn draw_totals(
    area: &DrawingArea<BitMapBackend<'_>, Shift>,
    progress: &Progress,
    catalogue: &Catalogue,
) -> Result<(), ChartError> {
    let rounds = progress.totals.len();
    let mut chart = framed(area, catalogue.render("chart.totals", &[]))
        .build_cartesian_2d(0.5f64..(rounds.max(1) as f64 + 0.5), 0f64..100f64)
        .map_err(drawing)?;
    chart
        .configure_mesh()
        .x_desc(catalogue.render("chart.round", &[]))
        .y_desc(catalogue.render("chart.total", &[]))
        .x_labels(rounds.clamp(1, 10))
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .label_style((FAMILY, 14))
        .draw()
        .map_err(drawing)?;
    let points: Vec<(f64, f64)> = progress
        .totals
        .iter()
        .enumerate()
        .map(|(index, total)| (index as f64 + 1.0, *total))
        .collect();
    chart
        .draw_series(LineSeries::new(points.clone(), LINE.stroke_width(3)))
        .map_err(drawing)?;
    chart
        .draw_series(
            points
                .iter()
                .map(|&point| Circle::new(point, 5, LINE.filled())),
        )
        .map_err(drawing)?;
    Ok(())
}

/// How many rounds scored in each tenth of 0–100 (100 counts in the top tenth).
fn draw_distribution(
    area: &DrawingArea<BitMapBackend<'_>, Shift>,
    progress: &Progress,
    catalogue: &Catalogue,
) -> Result<(), ChartError> {
    let mut bins = [0u32; 10];
    for total in &progress.totals {
        bins[((total / 10.0).floor() as usize).min(9)] += 1;
    }
    let highest = bins.iter().copied().max().unwrap_or(0).max(1);
    let mut chart = framed(area, catalogue.render("chart.distribution", &[]))
        .build_cartesian_2d(0u32..100u32, 0u32..highest + 1)
        .map_err(drawing)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_desc(catalogue.render("chart.total", &[]))
        .y_desc(catalogue.render("chart.rounds", &[]))
        .x_labels(11)
        .label_style((FAMILY, 14))
        .draw()
        .map_err(drawing)?;
    chart
        .draw_series(bins.iter().enumerate().map(|(bin, &count)| {
            let left = bin as u32 * 10;
            let mut bar = Rectangle::new([(left, 0), (left + 10, count)], LINE.filled());
            bar.set_margin(0, 0, 3, 3);
            bar
        }))
        .map_err(drawing)?;
    Ok(())
}

fn draw_categories(
    area: &DrawingArea<BitMapBackend<'_>, Shift>,
    progress: &Progress,
    whose: Whose,
    catalogue: &Catalogue,
) -> Result<(), ChartError> {
    let caption = match whose {
        Whose::Student => "chart.categories",
        Whose::Class => "chart.class_categories",
    };
    let names: Vec<String> = progress
        .categories
        .iter()
        .map(|(name, _)| name.clone())
        .collect();
    let count = names.len().max(1);
    let mut chart = framed(area, catalogue.render(caption, &[]))
        // A segmented range holds both its ends: 0..count-1 is `count` segments.
        .build_cartesian_2d((0..count - 1).into_segmented(), 0f64..100f64)
        .map_err(drawing)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(count)
        .x_label_formatter(&|segment| match segment {
            SegmentValue::CenterOf(index) => names.get(*index).cloned().unwrap_or_default(),
            _ => String::new(),
        })
        .y_desc(catalogue.render("chart.share", &[]))
        .y_label_formatter(&|y| format!("{y:.0}"))
        .label_style((FAMILY, 14))
        .draw()
        .map_err(drawing)?;
    chart
        .draw_series(
            progress
                .categories
                .iter()
                .enumerate()
                .map(|(index, (_, share))| {
                    let mut bar = Rectangle::new(
                        [
                            (SegmentValue::Exact(index), 0.0),
                            (SegmentValue::Exact(index + 1), share * 100.0),
                        ],
                        BAR.filled(),
                    );
                    bar.set_margin(0, 0, 12, 12);
                    bar
                }),
        )
        .map_err(drawing)?;
    Ok(())
}

fn draw_dropped(
    area: &DrawingArea<BitMapBackend<'_>, Shift>,
    progress: &Progress,
    whose: Whose,
    catalogue: &Catalogue,
) -> Result<(), ChartError> {
    let heading = (FAMILY, 20).into_font().color(&INK);
    let line = (FAMILY, 15).into_font().color(&INK);
    let title = match whose {
        Whose::Student => "chart.most_dropped",
        Whose::Class => "chart.class_most_dropped",
    };
    area.draw(&Text::new(catalogue.render(title, &[]), (24, 8), heading))
        .map_err(drawing)?;
    let lines: Vec<String> = if progress.most_dropped.is_empty() {
        vec![catalogue.render("chart.none_dropped", &[])]
    } else {
        progress
            .most_dropped
            .iter()
            .map(|dropped| {
                let line = catalogue.render(
                    "chart.dropped_line",
                    &[
                        ("times", &dropped.times),
                        ("speaker", &dropped.speaker),
                        ("claim", &dropped.claim),
                    ],
                );
                cut(&line, LINE_CHARS)
            })
            .collect()
    };
    for (index, text) in lines.iter().enumerate() {
        let y = 44 + 30 * index as i32;
        area.draw(&Text::new(text.clone(), (24, y), line.clone()))
            .map_err(drawing)?;
    }
    Ok(())
}

/// `text` cut to at most `chars` characters, an ellipsis marking the cut.
fn cut(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_string();
    }
    let kept: String = text.chars().take(chars - 1).collect();
    format!("{}…", kept.trim_end())
}

fn encode(rgb: &[u8]) -> Result<Vec<u8>, ChartError> {
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, WIDTH, HEIGHT);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(rgb)?;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drill::DroppedOften;

    fn decoded(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
        let decoder = png::Decoder::new(bytes);
        let mut reader = decoder.read_info().expect("a PNG");
        let mut pixels = vec![0; reader.output_buffer_size()];
        let info = reader.next_frame(&mut pixels).expect("a frame");
        (info.width, info.height, pixels)
    }

    fn progress(totals: &[f64]) -> Progress {
        Progress {
            totals: totals.to_vec(),
            categories: vec![("relevance".into(), 0.7), ("clash".into(), 0.4)],
            most_dropped: vec![DroppedOften {
                claim: "Ukrainians themselves don't want armed neutrality".into(),
                speaker: "Rajan Menon".into(),
                times: 2,
            }],
        }
    }

    #[test]
    fn the_png_decodes_at_its_stated_size_and_differs_between_two_histories() {
        let catalogue = Catalogue::builtin();
        let rising =
            progress_png(&progress(&[30.0, 45.0, 70.0]), Whose::Student, &catalogue).unwrap();
        let falling = progress_png(&progress(&[80.0, 40.0]), Whose::Student, &catalogue).unwrap();

        let (width, height, rising_pixels) = decoded(&rising);
        assert_eq!((width, height), (WIDTH, HEIGHT));
        let (_, _, falling_pixels) = decoded(&falling);
        assert_ne!(rising_pixels, falling_pixels);
        assert!(
            rising_pixels.iter().any(|&value| value < 128),
            "something is drawn"
        );
    }

    #[test]
    fn an_empty_history_still_draws() {
        let empty = Progress {
            totals: Vec::new(),
            categories: Vec::new(),
            most_dropped: Vec::new(),
        };
        for whose in [Whose::Student, Whose::Class] {
            let bytes = progress_png(&empty, whose, &Catalogue::builtin()).unwrap();
            assert_eq!(decoded(&bytes).0, WIDTH);
        }
    }

    #[test]
    fn a_class_chart_shows_the_spread_of_totals_not_their_order() {
        let catalogue = Catalogue::builtin();
        let class =
            |totals: &[f64]| progress_png(&progress(totals), Whose::Class, &catalogue).unwrap();
        let (width, height, one_order) = decoded(&class(&[20.0, 85.0, 100.0]));
        assert_eq!((width, height), (WIDTH, HEIGHT));
        assert_eq!(
            decoded(&class(&[100.0, 20.0, 85.0])).2,
            one_order,
            "the same spread"
        );
        assert_ne!(decoded(&class(&[20.0, 20.0, 20.0])).2, one_order);
    }

    #[test]
    fn a_long_claim_is_cut_with_an_ellipsis() {
        assert_eq!(cut("short", 10), "short");
        assert_eq!(cut("a claim far too long", 8), "a claim…");
    }
}
