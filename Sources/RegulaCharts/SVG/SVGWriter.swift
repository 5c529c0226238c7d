/// An SVG element tree: what a chart's layout produces and the writer turns into text.
public struct SVGElement: Sendable, Equatable {
    public var name: String
    /// Attributes in the order given, so the same chart always writes the same bytes.
    public var attributes: [(String, String)]
    public var children: [SVGElement]
    public var text: String?

    public init(_ name: String, _ attributes: [(String, String)] = [], children: [SVGElement] = [], text: String? = nil) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    public static func == (lhs: SVGElement, rhs: SVGElement) -> Bool {
        lhs.name == rhs.name && lhs.text == rhs.text && lhs.children == rhs.children
            && lhs.attributes.map(\.0) == rhs.attributes.map(\.0) && lhs.attributes.map(\.1) == rhs.attributes.map(\.1)
    }
}

/// Writes an element tree as SVG text, escaping every attribute value and text node.
public enum SVGWriter {
    public static func document(_ root: SVGElement) -> String {
        var output = ""
        write(root, to: &output)
        return output
    }

    private static func write(_ element: SVGElement, to output: inout String) {
        output += "<" + element.name
        for (key, value) in element.attributes {
            output += " \(key)=\"\(escape(value))\""
        }
        if element.children.isEmpty && element.text == nil {
            output += "/>"
            return
        }
        output += ">"
        if let text = element.text { output += escape(text) }
        if !element.children.isEmpty {
            output += "\n"
            for child in element.children {
                write(child, to: &output)
                output += "\n"
            }
        }
        output += "</\(element.name)>"
    }

    /// Escapes the five XML special characters.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}

extension SVGElement {
    /// A standalone `<svg>` root of `width` × `height` with the accessible `<title>` and
    /// `<desc>` and an opaque background (so light and dark notebook themes read alike),
    /// followed by `children`.
    static func document(width: Double, height: Double, title: String, description: String, children: [SVGElement]) -> SVGElement {
        SVGElement("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("width", NumberFormat.coordinate(width)), ("height", NumberFormat.coordinate(height)),
            ("viewBox", "0 0 \(NumberFormat.coordinate(width)) \(NumberFormat.coordinate(height))"),
            ("font-family", Theme.fontFamily), ("font-size", NumberFormat.coordinate(Theme.fontSize)),
            ("role", "img"),
        ], children: [
            SVGElement("title", text: title),
            SVGElement("desc", text: description),
            SVGElement("rect", [("width", "100%"), ("height", "100%"), ("fill", Theme.background)]),
        ] + children)
    }
}
