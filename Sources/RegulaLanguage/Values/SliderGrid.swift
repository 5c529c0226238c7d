#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
/// The positions a slider can stop at: `minimum` and then every `step` (in the base-10 exponent
/// for a log slider), as the front end's slider places them. A value off this grid would be moved
/// by the slider the moment it is drawn, and the front end would send that as a change: so the
/// kernel puts values on the grid itself, and knows a proposed value that rounds to the position
/// it already holds as no change at all.
struct SliderGrid: Sendable {
    let minimum: Double
    let maximum: Double
    let step: Double
    let isLogarithmic: Bool

    /// Positions within this fraction of a step of a whole one count as that one: floating-point
    /// noise in the front end's arithmetic (10 ** exponent in JavaScript) is not a move.
    private static let tolerance = 1e-6

    private func coordinate(_ number: Double) -> Double { isLogarithmic ? log10(number) : number }
    private func number(at coordinate: Double) -> Double { isLogarithmic ? pow(10, coordinate) : coordinate }

    // Positions are whole-numbered Doubles, not Ints: a step of 1e-300 has more than Int holds.

    /// How many steps the last position lies from the first.
    var lastPosition: Double {
        ((coordinate(maximum) - coordinate(minimum)) / step + Self.tolerance).rounded(.down)
    }

    /// The position nearest `number`, within the slider's ends.
    func position(of number: Double) -> Double {
        let steps = ((coordinate(number) - coordinate(minimum)) / step).rounded()
        return min(max(steps, 0), lastPosition)
    }

    /// True when `number` lies on a position, within floating-point noise.
    func holds(_ number: Double) -> Bool {
        let steps = (coordinate(number) - coordinate(minimum)) / step
        return abs(steps - steps.rounded()) < Self.tolerance && steps.rounded() >= 0 && steps.rounded() <= lastPosition
    }

    /// `number` moved to its nearest position; a number already on one is kept exactly (the
    /// user's 0.1 stays 0.1, not 10 ** -1 computed back).
    func snapped(_ number: Double) -> Double {
        if holds(number) { return number }
        let position = position(of: number)
        if position == lastPosition, holds(maximum) { return maximum }
        return min(max(decimal(self.number(at: coordinate(minimum) + position * step)), minimum), maximum)
    }

    /// `number` rounded to the decimal places `minimum` and `step` are written with (at most 15):
    /// three steps of 0.3 from 0 are 0.9, not 0.8999999999999999. A log slider's stops are powers
    /// of ten, computed as the front end computes them, and are left alone.
    private func decimal(_ number: Double) -> Double {
        guard !isLogarithmic, let first = Self.decimalPlaces(minimum), let second = Self.decimalPlaces(step) else { return number }
        let scale = pow(10, Double(max(first, second)))
        let scaled = (number * scale).rounded()
        guard abs(scaled) < 9.0e15 else { return number }
        return scaled / scale
    }

    /// The fewest decimal places that write `number` (within floating-point noise), or nil when
    /// even 15 do not.
    private static func decimalPlaces(_ number: Double) -> Int? {
        (0...15).first { places in
            let scaled = number * pow(10, Double(places))
            return abs(scaled - scaled.rounded()) <= 1e-9 * max(1, abs(scaled))
        }
    }

    /// The step a slider takes when none is given: a hundredth of the range, unless `start` would
    /// then fall between two stops. Then the round step (1, 2, 2.5 or 5 times a power of ten,
    /// between a thousandth and a twentieth of the range) nearest a hundredth that stops at
    /// `start` and at the maximum; failing that, the step near a hundredth that divides the way
    /// from the minimum to `start` evenly (the maximum may then lie a part-step past the last stop).
    static func defaultStep(from minimum: Double, to maximum: Double, through start: Double, isLogarithmic: Bool) -> Double {
        let coordinate: (Double) -> Double = { isLogarithmic ? log10($0) : $0 }
        let span = coordinate(maximum) - coordinate(minimum)
        let offset = coordinate(start) - coordinate(minimum)
        let target = span / 100
        func whole(_ steps: Double) -> Bool { abs(steps - steps.rounded()) < tolerance }
        if whole(offset / target) { return target }
        var candidates: [Double] = []
        let decade = floor(log10(target))
        for power in stride(from: decade - 2, through: decade + 2, by: 1) {
            for mantissa in [1.0, 2, 2.5, 5] {
                let step = mantissa * pow(10, power)
                if step >= span / 1000, step <= span / 20 { candidates.append(step) }
            }
        }
        candidates.sort { abs(log($0 / target)) < abs(log($1 / target)) }
        if let round = candidates.first(where: { whole(span / $0) && whole(offset / $0) }) { return round }
        return offset / max(1, (offset / target).rounded())
    }
}
