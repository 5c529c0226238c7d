/// A feed-forward network drawn as TensorFlow Playground draws it: neurons in columns, an edge
/// per weight, its width by |w| and its colour by sign; exact zeros are thin dashed grey, and a
/// neuron whose weights are all zero is greyed out (a group penalty removed it).
public struct NetworkDiagram: Sendable {
    /// Neurons per layer, inputs first.
    public var layerSizes: [Int]
    /// Per layer, the weight matrix inputs × outputs, column-major:
    /// `weights[layer][to * layerSizes[layer] + from]`.
    public var weights: [[Double]]
    public var inputNames: [String]
    public var title: String?
    /// Layers wider than this show their first neurons and a count of the rest.
    public var maximumNeurons = 16

    public init(layerSizes: [Int], weights: [[Double]], inputNames: [String] = [], title: String? = nil) {
        precondition(weights.count == layerSizes.count - 1, "one weight matrix between each pair of layers")
        self.layerSizes = layerSizes
        self.weights = weights
        self.inputNames = inputNames
        self.title = title
    }

    public var summary: String {
        let all = weights.flatMap { $0 }
        let zeros = all.filter { $0 == 0 }.count
        return (title.map { $0 + ": " } ?? "") + "network \(layerSizes.map(String.init).joined(separator: "–")), \(all.count - zeros) nonzero of \(all.count) weights, \(inactiveNeuronCount) neurons without weights"
    }

    /// Hidden neurons whose incoming or outgoing weights are all exactly zero.
    public var inactiveNeuronCount: Int {
        (1..<max(1, layerSizes.count - 1)).reduce(0) { count, layer in
            count + (0..<layerSizes[layer]).filter { isInactive(layer: layer, neuron: $0) }.count
        }
    }

    private func isInactive(layer: Int, neuron: Int) -> Bool {
        guard layer > 0, layer < layerSizes.count - 1 else { return false }
        let incoming = (0..<layerSizes[layer - 1]).allSatisfy { weights[layer - 1][neuron * layerSizes[layer - 1] + $0] == 0 }
        let outgoing = (0..<layerSizes[layer + 1]).allSatisfy { weights[layer][$0 * layerSizes[layer] + neuron] == 0 }
        return incoming || outgoing
    }

    public func svg() -> String { SVGWriter.document(layout()) }

    public func layout() -> SVGElement {
        let shown = layerSizes.map { min($0, maximumNeurons) }
        let labelWidth = min(120, (inputNames.prefix(shown.first ?? 0).map { Theme.textWidth($0, size: 11) }.max() ?? 0) + 12)
        // Wide enough for the title and the key below, within reason; a longer title is cut.
        let textRoom = max(Theme.textWidth(title ?? "", size: Theme.titleSize), 420) + 24
        let width = max(min(textRoom, 760), labelWidth + 40 + Double(layerSizes.count - 1) * 170 + 40)
        let top = title == nil ? 24.0 : 48
        let height = top + Double(shown.max() ?? 1) * 30 + 40
        let largest = weights.flatMap { $0 }.map(abs).max() ?? 0
        func position(_ layer: Int, _ neuron: Int) -> (x: Double, y: Double) {
            let x = labelWidth + 30 + Double(layer) * 170
            let offset = (Double(shown.max() ?? 1) - Double(shown[layer])) * 15
            return (x, top + offset + Double(neuron) * 30 + 15)
        }
        var edges: [SVGElement] = [], zeroEdges: [SVGElement] = []
        for layer in weights.indices {
            for from in 0..<shown[layer] {
                for to in 0..<shown[layer + 1] {
                    let w = weights[layer][to * layerSizes[layer] + from]
                    let (a, b) = (position(layer, from), position(layer + 1, to))
                    if w == 0 {
                        zeroEdges.append(Axes.line(x1: a.x, y1: a.y, x2: b.x, y2: b.y, color: Theme.inactive, width: 0.6, dashed: true))
                    } else {
                        let strength = largest > 0 ? abs(w) / largest : 0
                        var edge = Axes.line(x1: a.x, y1: a.y, x2: b.x, y2: b.y, color: w > 0 ? Theme.palette[0] : Theme.palette[1], width: 0.4 + 4.6 * strength)
                        edge.attributes.append(("stroke-opacity", NumberFormat.coordinate(0.35 + 0.65 * strength)))
                        edge.children = [SVGElement("title", text: "w = " + NumberFormat.compact(w, significantDigits: 4))]
                        edges.append(edge)
                    }
                }
            }
        }
        var nodes: [SVGElement] = []
        for layer in layerSizes.indices {
            for neuron in 0..<shown[layer] {
                let p = position(layer, neuron)
                let inactive = isInactive(layer: layer, neuron: neuron)
                nodes.append(SVGElement("circle", [
                    ("cx", NumberFormat.coordinate(p.x)), ("cy", NumberFormat.coordinate(p.y)), ("r", "9"),
                    ("fill", inactive ? "#eeeeee" : Theme.background), ("stroke", inactive ? Theme.inactive : Theme.ink), ("stroke-width", "1.5"),
                ]))
                if layer == 0, neuron < inputNames.count {
                    nodes.append(Axes.text(Theme.truncated(inputNames[neuron], toWidth: labelWidth - 12, size: 11), x: p.x - 14, y: p.y + 4, anchor: "end", size: 11))
                }
            }
            let bottom = position(layer, shown[layer] - 1).y
            if layerSizes[layer] > shown[layer] {
                nodes.append(Axes.text("+\(layerSizes[layer] - shown[layer]) more", x: position(layer, 0).x, y: bottom + 26, anchor: "middle", size: 11, color: Theme.mutedInk))
            }
        }
        var children: [SVGElement] = []
        if let title {
            children.append(Axes.text(Theme.truncated(title, toWidth: width - 20, size: Theme.titleSize), x: width / 2, y: 24, anchor: "middle", size: Theme.titleSize, weight: "bold"))
        }
        children.append(SVGElement("g", [("class", "zero-weights")], children: zeroEdges))
        children.append(SVGElement("g", [("class", "weights"), ("stroke-linecap", "round")], children: edges))
        children.append(SVGElement("g", [("class", "neurons")], children: nodes))
        children.append(Axes.text("blue w > 0, orange w < 0, width ∝ |w|, dashed grey w = 0", x: 12, y: height - 10, anchor: "start", size: 11, color: Theme.mutedInk))
        return SVGElement.document(width: width, height: height, title: title ?? summary, description: summary, children: children)
    }
}
