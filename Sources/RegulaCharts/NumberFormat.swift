import Foundation

/// Formats numbers the same way on every run and machine: no locale, few digits, exponents for
/// very large or very small magnitudes (`1e-3`, `2.5e6`).
public enum NumberFormat {
    /// A number with at most `significantDigits` significant digits, trailing zeros dropped.
    public static func compact(_ value: Double, significantDigits: Int = 6) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞") }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e-4 && magnitude < 1e15 {
            let decimals = max(0, significantDigits - 1 - Int(floor(log10(magnitude))))
            return trimmed(String(format: "%.\(min(decimals, 17))f", value))
        }
        let exponent = Int(floor(log10(magnitude)))
        let mantissa = value / pow(10, Double(exponent))
        let digits = trimmed(String(format: "%.\(max(0, significantDigits - 1))f", mantissa))
        return "\(digits)e\(exponent)"
    }

    /// A tick label: like `compact`, but with the exponent form from 1e-3 down and 1e6 up.
    public static func tick(_ value: Double) -> String {
        let magnitude = abs(value)
        if value != 0 && (magnitude < 1e-3 || magnitude >= 1e6) {
            let exponent = Int(floor(log10(magnitude)))
            let mantissa = value / pow(10, Double(exponent))
            let digits = trimmed(String(format: "%.3f", mantissa))
            return "\(digits)e\(exponent)"
        }
        return compact(value, significantDigits: 6)
    }

    /// A coordinate in an SVG file: two decimals at most.
    static func coordinate(_ value: Double) -> String {
        trimmed(String(format: "%.2f", value))
    }

    private static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text == "-0" ? "0" : text }
        var result = text
        while result.hasSuffix("0") { result.removeLast() }
        if result.hasSuffix(".") { result.removeLast() }
        return result == "-0" ? "0" : result
    }
}
