/// Contour lines by marching squares: each grid cell whose corners straddle the level gets one
/// or two segments, with ends placed by linear interpolation along the cell's edges.
enum Contours {
    static func segments(_ grid: Grid, level: Double) -> [(Point, Point)] {
        guard grid.xs.count > 1, grid.ys.count > 1 else { return [] }
        var result: [(Point, Point)] = []
        for row in 0..<(grid.ys.count - 1) {
            for column in 0..<(grid.xs.count - 1) {
                // Corners counter-clockwise from bottom-left.
                let corners: [Point] = [
                    (grid.xs[column], grid.ys[row]), (grid.xs[column + 1], grid.ys[row]),
                    (grid.xs[column + 1], grid.ys[row + 1]), (grid.xs[column], grid.ys[row + 1]),
                ]
                let values = [
                    grid.value(column: column, row: row), grid.value(column: column + 1, row: row),
                    grid.value(column: column + 1, row: row + 1), grid.value(column: column, row: row + 1),
                ]
                guard values.allSatisfy(\.isFinite) else { continue }
                // The points where the level crosses each edge (edge k joins corner k and k+1).
                var crossings: [Point] = []
                for edge in 0..<4 {
                    var (a, b) = (values[edge], values[(edge + 1) % 4])
                    guard (a < level) != (b < level) else { continue }
                    var (p, q) = (corners[edge], corners[(edge + 1) % 4])
                    // The neighbouring cell walks this edge the other way: interpolate from the
                    // lower-left end always, so both get the very same point and the ends join.
                    if (q.x, q.y) < (p.x, p.y) { (p, q, a, b) = (q, p, b, a) }
                    let t = (level - a) / (b - a)
                    crossings.append((p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)))
                }
                if crossings.count == 2 {
                    result.append((crossings[0], crossings[1]))
                } else if crossings.count == 4 {
                    // A saddle: the cell's mean decides which corners the lines cut off.
                    let center = values.reduce(0, +) / 4
                    if (center < level) == (values[0] < level) {
                        result.append((crossings[0], crossings[1]))
                        result.append((crossings[2], crossings[3]))
                    } else {
                        result.append((crossings[0], crossings[3]))
                        result.append((crossings[1], crossings[2]))
                    }
                }
            }
        }
        return result
    }

    /// Joins segments that share ends into polylines, so a closed contour is one path run.
    static func polylines(_ segments: [(Point, Point)]) -> [[Point]] {
        struct Key: Hashable { let x: UInt64, y: UInt64 }
        func key(_ point: Point) -> Key { Key(x: point.x.bitPattern, y: point.y.bitPattern) }
        var byEnd: [Key: [Int]] = [:]
        for (index, segment) in segments.enumerated() {
            byEnd[key(segment.0), default: []].append(index)
            byEnd[key(segment.1), default: []].append(index)
        }
        var used = [Bool](repeating: false, count: segments.count)
        var lines: [[Point]] = []
        for start in segments.indices where !used[start] {
            used[start] = true
            var line = [segments[start].0, segments[start].1]
            // Extend forward from the last point, then backward from the first.
            for forward in [true, false] {
                while true {
                    let end = forward ? line[line.count - 1] : line[0]
                    guard let next = byEnd[key(end)]?.first(where: { !used[$0] }) else { break }
                    used[next] = true
                    let segment = segments[next]
                    let other = key(segment.0) == key(end) ? segment.1 : segment.0
                    if forward { line.append(other) } else { line.insert(other, at: 0) }
                }
            }
            lines.append(line)
        }
        return lines
    }
}
