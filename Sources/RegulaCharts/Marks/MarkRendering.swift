/// Where a mark is drawn: the chart's scales, its plot area and the mark's colour.
struct RenderContext {
    let x: any PositionScale
    let y: any PositionScale
    let plot: Frame
    let color: String
}

extension Mark {
    /// The mark as SVG elements, in pixels.
    func elements(in context: RenderContext) -> [SVGElement] {
        let color = isInactive ? Theme.inactive : context.color
        let tooltip = name.map { [SVGElement("title", text: $0)] } ?? []
        switch shape {
        case let .line(points):
            return [stroked(path(points, context), color: color, tooltip: tooltip)]
        case let .step(points):
            var stepped: [Point] = []
            for (index, point) in points.enumerated() {
                if index > 0, point.x.isFinite, point.y.isFinite, points[index - 1].y.isFinite { stepped.append((point.x, points[index - 1].y)) }
                stepped.append(point)
            }
            return [stroked(path(stepped, context), color: color, tooltip: tooltip)]
        case let .scatter(points):
            let dots = points.filter { context.x.canPlace($0.x) && context.y.canPlace($0.y) }.map { point in
                dot(x: context.x(point.x), y: context.y(point.y), radius: points.count > 200 ? 2.5 : 4, color: color)
            }
            return [SVGElement("g", [("class", "scatter")], children: tooltip + dots)]
        case let .band(xs, low, high):
            let lower = zip(xs, low).map { (x: $0, y: $1) }, upper = zip(xs, high).map { (x: $0, y: $1) }
            let outline = path(lower, context, closing: Array(upper.reversed()))
            return [SVGElement("path", [("d", outline), ("fill", color), ("fill-opacity", NumberFormat.coordinate(opacity ?? 0.2)), ("stroke", "none")], children: tooltip)]
        case let .bars(bars):
            let baseline = baselinePosition(context)
            let rects = bars.filter { $0.value.isFinite && $0.value != 0 && context.x.canPlace($0.lower) && context.x.canPlace($0.upper) }.map { bar in
                let (left, right) = (context.x(bar.lower), context.x(bar.upper))
                let top = context.y(bar.value)
                return SVGElement("rect", [
                    ("x", NumberFormat.coordinate(min(left, right))), ("y", NumberFormat.coordinate(min(top, baseline))),
                    ("width", NumberFormat.coordinate(max(0.5, abs(right - left) - 1))), ("height", NumberFormat.coordinate(abs(baseline - top))),
                ])
            }
            return [SVGElement("g", [("class", "bars"), ("fill", color), ("fill-opacity", NumberFormat.coordinate(opacity ?? 0.85))], children: tooltip + rects)]
        case let .stems(points):
            let baseline = baselinePosition(context)
            var children = tooltip
            for point in points where context.x.canPlace(point.x) && context.y.canPlace(point.y) {
                let (px, py) = (context.x(point.x), context.y(point.y))
                if point.y != 0 { children.append(Axes.line(x1: px, y1: baseline, x2: px, y2: py, color: color, width: 1.5, dashed: isHollow)) }
                children.append(dot(x: px, y: py, radius: isHollow ? 5 : 3.5, color: point.y == 0 && !isHollow ? Theme.inactive : color))
            }
            return [SVGElement("g", [("class", "stems")], children: children)]
        case let .area(points):
            var attributes = [("d", path(points, context) + "Z"), ("fill", color), ("fill-opacity", NumberFormat.coordinate(opacity ?? 0.15)), ("stroke", color), ("stroke-width", "1.5")]
            if isDashed { attributes.append(("stroke-dasharray", "6 4")) }
            return [SVGElement("path", attributes, children: tooltip)]
        case let .verticalRule(value):
            guard context.x.canPlace(value) else { return [] }
            let position = context.x(value)
            return [Axes.line(x1: position, y1: context.plot.top, x2: position, y2: context.plot.bottom, color: isInactive ? Theme.inactive : Theme.mutedInk, width: 1.25, dashed: true)]
        case let .horizontalRule(value):
            guard context.y.canPlace(value) else { return [] }
            let position = context.y(value)
            return [Axes.line(x1: context.plot.left, y1: position, x2: context.plot.right, y2: position, color: isInactive ? Theme.inactive : Theme.mutedInk, width: 1.25, dashed: true)]
        case let .text(point, content):
            guard context.x.canPlace(point.x), context.y.canPlace(point.y) else { return [] }
            let offset = textAnchor == "end" ? -8.0 : 8.0
            return [Axes.text(content, x: context.x(point.x) + offset, y: context.y(point.y) + 4, anchor: textAnchor, color: self.color.map(Theme.color) ?? Theme.ink, halo: true)]
        case let .heatmap(grid):
            return [heatmap(grid, context)]
        case let .contours(grid, levels):
            var children = tooltip
            for (index, level) in levels.enumerated() {
                let lines = Contours.polylines(Contours.segments(grid, level: level))
                let d = lines.map { path($0, context) }.joined()
                guard !d.isEmpty else { continue }
                // Inner contours darker: the eye reads the bowl's depth.
                let strength = levels.count > 1 ? 1 - 0.6 * Double(index) / Double(levels.count - 1) : 1
                children.append(SVGElement("path", [
                    ("d", d), ("fill", "none"), ("stroke", color), ("stroke-opacity", NumberFormat.coordinate(strength)), ("stroke-width", "1.25"),
                ], children: [SVGElement("title", text: "level " + NumberFormat.compact(level, significantDigits: 4))]))
            }
            return [SVGElement("g", [("class", "contours")], children: children)]
        }
    }

    private func stroked(_ d: String, color: String, tooltip: [SVGElement]) -> SVGElement {
        var attributes = [("d", d.isEmpty ? "M0,0" : d), ("fill", "none"), ("stroke", color), ("stroke-width", "2"), ("stroke-linejoin", "round"), ("stroke-linecap", "round")]
        if isDashed { attributes.append(("stroke-dasharray", "6 4")) }
        return SVGElement("path", attributes, children: tooltip)
    }

    private func dot(x: Double, y: Double, radius: Double, color: String) -> SVGElement {
        SVGElement("circle", [
            ("cx", NumberFormat.coordinate(x)), ("cy", NumberFormat.coordinate(y)), ("r", NumberFormat.coordinate(radius)),
            ("fill", isHollow ? Theme.background : color), ("stroke", isHollow ? color : Theme.background), ("stroke-width", isHollow ? "2" : "1"),
        ])
    }

    /// The pixel height of y = 0, or the axis when 0 is outside the domain (or on a log scale).
    private func baselinePosition(_ context: RenderContext) -> Double {
        let domain = context.y.domain
        if context.y.canPlace(0), domain.contains(0) { return context.y(0) }
        return context.plot.bottom
    }

    /// Path data through the points that can be placed; others break the line. `closing`
    /// continues the same run (a band's upper edge) and closes it.
    func path(_ points: [Point], _ context: RenderContext, closing: [Point]? = nil) -> String {
        var d = ""
        var penDown = false
        var previous = ""
        for point in points + (closing ?? []) {
            guard context.x.canPlace(point.x), context.y.canPlace(point.y) else {
                penDown = false
                continue
            }
            let coordinates = NumberFormat.coordinate(context.x(point.x)) + "," + NumberFormat.coordinate(context.y(point.y))
            if penDown && coordinates == previous { continue }  // same pixel: nothing to draw
            d += (penDown ? "L" : "M") + coordinates
            previous = coordinates
            penDown = true
        }
        return closing == nil || d.isEmpty ? d : d + "Z"
    }

    private func heatmap(_ grid: Grid, _ context: RenderContext) -> SVGElement {
        let colors = ColorScale(values: grid.values)
        let xEdges = Self.cellEdges(grid.xs), yEdges = Self.cellEdges(grid.ys)
        var cells: [SVGElement] = []
        // A tooltip per cell while that stays small; beyond, the colour bar tells the values.
        let labelsCells = grid.values.count <= 400
        for row in grid.ys.indices {
            for column in grid.xs.indices {
                let value = grid.value(column: column, row: row)
                let (left, right) = (context.x(xEdges[column]), context.x(xEdges[column + 1]))
                let (top, bottom) = (context.y(yEdges[row + 1]), context.y(yEdges[row]))
                cells.append(SVGElement("rect", [
                    ("x", NumberFormat.coordinate(min(left, right))), ("y", NumberFormat.coordinate(min(top, bottom))),
                    ("width", NumberFormat.coordinate(abs(right - left))), ("height", NumberFormat.coordinate(abs(bottom - top))),
                    ("fill", colors.color(value)),
                ], children: labelsCells ? [SVGElement("title", text: NumberFormat.compact(value, significantDigits: 4))] : []))
            }
        }
        return SVGElement("g", [("class", "heatmap"), ("shape-rendering", "crispEdges")], children: cells)
    }
}
