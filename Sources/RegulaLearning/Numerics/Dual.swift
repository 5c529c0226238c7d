
/// A dual number a + b·ε with ε² = 0: evaluating a function on `Dual(x, 1)` gives f(x) and
/// f′(x) at once (forward-mode automatic differentiation), exact to rounding, with no step size.
///
/// At a kink the derivative is the subgradient of least magnitude (0 for |x| at 0), which is
/// what proximal searches and KKT checks on penalties need.
public struct Dual: Sendable, Equatable {
    public var value: Double
    public var derivative: Double

    public init(_ value: Double, derivative: Double = 0) {
        self.value = value
        self.derivative = derivative
    }

    /// The variable x itself at `value`: derivative 1.
    public static func variable(_ value: Double) -> Dual { Dual(value, derivative: 1) }

    public static prefix func - (x: Dual) -> Dual { Dual(-x.value, derivative: -x.derivative) }
    public static func + (x: Dual, y: Dual) -> Dual { Dual(x.value + y.value, derivative: x.derivative + y.derivative) }
    public static func - (x: Dual, y: Dual) -> Dual { Dual(x.value - y.value, derivative: x.derivative - y.derivative) }
    public static func * (x: Dual, y: Dual) -> Dual {
        Dual(x.value * y.value, derivative: x.derivative * y.value + x.value * y.derivative)
    }
    public static func / (x: Dual, y: Dual) -> Dual {
        Dual(x.value / y.value, derivative: (x.derivative * y.value - x.value * y.derivative) / (y.value * y.value))
    }
}

/// The elementary functions on dual numbers: value and derivative by the chain rule.
extension Dual {
    public static func abs(_ x: Dual) -> Dual {
        Dual(Swift.abs(x.value), derivative: x.value > 0 ? x.derivative : (x.value < 0 ? -x.derivative : 0))
    }
    public static func sqrt(_ x: Dual) -> Dual {
        let root = x.value.squareRoot()
        return Dual(root, derivative: x.derivative / (2 * root))
    }
    public static func log(_ x: Dual) -> Dual { Dual(Glibc.log(x.value), derivative: x.derivative / x.value) }
    public static func exp(_ x: Dual) -> Dual {
        let e = Glibc.exp(x.value)
        return Dual(e, derivative: e * x.derivative)
    }
    /// −1, 0 or 1; its derivative is 0 everywhere (the jump at 0 has no subgradient to offer).
    public static func sign(_ x: Dual) -> Dual { Dual(x.value > 0 ? 1 : (x.value < 0 ? -1 : 0)) }
    public static func tanh(_ x: Dual) -> Dual {
        let t = Glibc.tanh(x.value)
        return Dual(t, derivative: (1 - t * t) * x.derivative)
    }
    public static func sigmoid(_ x: Dual) -> Dual {
        let s = 1 / (1 + Glibc.exp(-x.value))
        return Dual(s, derivative: s * (1 - s) * x.derivative)
    }
    public static func relu(_ x: Dual) -> Dual { Dual(Swift.max(0, x.value), derivative: x.value > 0 ? x.derivative : 0) }
    /// The smaller; at a tie, the derivative of least magnitude (a subgradient of min).
    public static func min(_ x: Dual, _ y: Dual) -> Dual {
        if x.value == y.value { return Dual(x.value, derivative: Swift.abs(x.derivative) <= Swift.abs(y.derivative) ? x.derivative : y.derivative) }
        return x.value <= y.value ? x : y
    }
    /// The larger; at a tie, the derivative of least magnitude (a subgradient of max).
    public static func max(_ x: Dual, _ y: Dual) -> Dual {
        if x.value == y.value { return Dual(x.value, derivative: Swift.abs(x.derivative) <= Swift.abs(y.derivative) ? x.derivative : y.derivative) }
        return x.value >= y.value ? x : y
    }
}
