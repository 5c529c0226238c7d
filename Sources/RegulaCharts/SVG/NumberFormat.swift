
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
            return trimmed(fixed(value, decimals: min(decimals, 17)))
        }
        let (mantissa, exponent) = scientific(value, decimals: max(0, significantDigits - 1))
        let digits = trimmed(fixed(mantissa, decimals: max(0, significantDigits - 1)))
        return "\(digits)e\(exponent)"
    }

    /// A tick label: like `compact`, but with the exponent form below 0.01 (`1e-3`, `5e-3`)
    /// and from 1e6 up.
    public static func tick(_ value: Double) -> String {
        let magnitude = abs(value)
        if value.isFinite && value != 0 && (magnitude < 0.01 * (1 - 1e-12) || magnitude >= 1e6) {
            let (mantissa, exponent) = scientific(value, decimals: 3)
            let digits = trimmed(fixed(mantissa, decimals: 3))
            return "\(digits)e\(exponent)"
        }
        return compact(value, significantDigits: 6)
    }

    /// `value` as mantissa × 10^exponent with 1 ≤ |mantissa| < 10 once rounded to `decimals`,
    /// for finite nonzero values (9.9999e-3 is 1e-2, not 10e-3). Subnormal values are scaled up
    /// first: 10^-324 itself is 0 in a Double.
    private static func scientific(_ value: Double, decimals: Int) -> (mantissa: Double, exponent: Int) {
        let boost = abs(value) < 1e-290 ? 300 : 0
        let scaled = value * pow(10, Double(boost))
        var exponent = Int(floor(log10(abs(scaled))))
        var mantissa = scaled / pow(10, Double(exponent))
        let unit = pow(10, Double(min(decimals, 15)))
        if abs((mantissa * unit).rounded()) >= 10 * unit {
            mantissa /= 10
            exponent += 1
        }
        return (mantissa, exponent - boost)
    }

    /// A coordinate in an SVG file: two decimals at most.
    public static func coordinate(_ value: Double) -> String {
        // A non-finite coordinate would make invalid SVG: put it far outside instead.
        guard value.isFinite else { return value.isNaN ? "0" : (value > 0 ? "1e6" : "-1e6") }
        return trimmed(fixed(value, decimals: 2))
    }

    /// `value` with exactly `decimals` digits after the point, rounded half away from zero,
    /// written without the C library's locale-dependent formatting.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let scaled = (Swift.abs(value) * pow(10, Double(decimals))).rounded()
        guard scaled < 9e15 else { return String(value) }  // beyond exact integers: Swift's own text
        var digits = String(Int64(scaled))
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (value < 0 && scaled != 0 ? "-" : "") + digits
    }

    private static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text == "-0" ? "0" : text }
        var result = text
        while result.hasSuffix("0") { result.removeLast() }
        if result.hasSuffix(".") { result.removeLast() }
        return result == "-0" ? "0" : result
    }
}
