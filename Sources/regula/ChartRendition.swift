#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JupyterKernel
import RegulaCharts

/// A chart's picture for a notebook its reader has not trusted.
///
/// JupyterLab and Notebook 7 draw `image/svg+xml` only from trusted outputs, so a notebook that
/// someone else ran showed every chart as its one-line description. Their HTML sanitizer keeps
/// an `<img>` whose source is a `data:` URI, and an SVG inside an image runs no script, so the
/// same SVG bytes, base64-encoded into an image tag, show in every notebook: the same picture,
/// fonts and colours, still scalable, 4/3 of the SVG's size (a 2× PNG of a typical chart is
/// ten times the SVG). Deterministic, as base64 is. `REGULA_CHART_HTML=0` in the kernel's
/// environment leaves it out, for notebooks that are always trusted.
enum ChartRendition {
    static let isEnabled: Bool = getenv("REGULA_CHART_HTML").map { String(cString: $0) != "0" } ?? true

    /// An image tag showing `svg`, described by `description` for screen readers.
    static func html(svg: String, description: String) -> String {
        "<img src=\"data:image/svg+xml;base64,\(Data(svg.utf8).base64EncodedString())\" alt=\"\(SVGWriter.escape(description))\">"
    }
}
