/// The one look every chart shares.
public enum Theme {
    /// Okabe and Ito's colour-blind-safe palette, in the order series take it.
    public static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
    public static let background = "#ffffff"
    public static let ink = "#222222"
    public static let mutedInk = "#555555"
    public static let grid = "#e5e5e5"
    public static let fontFamily = "Helvetica, Arial, sans-serif"
    public static let fontSize = 12.0

    public static func color(_ index: Int) -> String { palette[index % palette.count] }
}
