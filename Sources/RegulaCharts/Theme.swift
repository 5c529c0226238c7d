/// The one look every chart shares. Charts draw their own white background, so they read the
/// same in JupyterLab's light and dark themes (as matplotlib's figures do).
public enum Theme {
    /// Okabe and Ito's colour-blind-safe palette, in the order marks take it.
    public static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
    public static let background = "#ffffff"
    public static let ink = "#222222"
    public static let mutedInk = "#555555"
    public static let grid = "#e5e5e5"
    /// Exact zeros and switched-off parts: visibly there, visibly out of play.
    public static let inactive = "#b0b0b0"
    public static let fontFamily = "Helvetica, Arial, sans-serif"
    public static let fontSize = 12.0
    public static let titleSize = 14.0

    public static func color(_ index: Int) -> String { palette[((index % palette.count) + palette.count) % palette.count] }

    /// The colour for text naming a mark of `color`: the same, except the palette's yellow,
    /// which is too light to read as text on white and gets a darker olive of the same hue.
    public static func textColor(for color: String) -> String { color == "#F0E442" ? "#8F8400" : color }

    /// An upper estimate of the width of `text` in pixels at `size`: SVG has no text metrics
    /// before rendering, so layout reserves room by this (Helvetica's glyphs average ~0.55 em).
    public static func textWidth(_ text: String, size: Double = fontSize) -> Double {
        Double(text.count) * size * 0.6
    }

    /// `text` cut to fit `width` pixels, with an ellipsis when cut.
    public static func truncated(_ text: String, toWidth width: Double, size: Double = fontSize) -> String {
        let fits = max(1, Int(width / (size * 0.6)))
        guard text.count > fits else { return text }
        return String(text.prefix(max(1, fits - 1))) + "…"
    }
}
