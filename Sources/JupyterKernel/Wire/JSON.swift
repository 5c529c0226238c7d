import Foundation

/// A JSON value, as carried in message headers, metadata and content.
public enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    /// Member access on objects; `.null` for anything else or a missing key.
    public subscript(key: String) -> JSON {
        if case let .object(members) = self { return members[key] ?? .null }
        return .null
    }

    public var stringValue: String? {
        if case let .string(value) = self { return value }
        return nil
    }

    public var boolValue: Bool? {
        if case let .bool(value) = self { return value }
        return nil
    }

    /// Integers, and doubles that hold a whole number (clients may send either).
    public var intValue: Int? {
        switch self {
        case let .int(value): value
        case let .double(value) where value.rounded() == value && abs(value) < 1e15: Int(value)
        default: nil
        }
    }

    public var objectValue: [String: JSON]? {
        if case let .object(value) = self { return value }
        return nil
    }

    public var arrayValue: [JSON]? {
        if case let .array(value) = self { return value }
        return nil
    }
}

extension JSON: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, JSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

// MARK: - Parsing

extension JSON {
    /// Parses UTF-8 JSON text. Throws for anything that is not valid JSON.
    /// Foundation's JSONSerialization does the parsing: it is several times faster here than
    /// JSONDecoder with a type-probing `Decodable` (which throws and discards an error per probe).
    public static func parse(_ data: Data) throws -> JSON {
        try JSON(foundation: JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    private init(foundation object: Any) throws {
        switch object {
        case let string as String:
            self = .string(string)
        case let number as NSNumber:
            // Booleans arrive as NSNumbers of type char ("c"), doubles as "d"; the rest are integers.
            switch String(cString: number.objCType) {
            case "c", "B": self = .bool(number.boolValue)
            case "d", "f": self = .double(number.doubleValue)
            default: self = .int(number.intValue)
            }
        case let array as [Any]:
            self = .array(try array.map { try JSON(foundation: $0) })
        case let dictionary as [String: Any]:
            self = .object(try dictionary.mapValues { try JSON(foundation: $0) })
        case is NSNull:
            self = .null
        default:
            throw JSONParseError.unsupportedValue(String(describing: type(of: object)))
        }
    }
}

/// A parsed value that JSON cannot hold (not expected from JSONSerialization).
public enum JSONParseError: Error {
    case unsupportedValue(String)
}

// MARK: - Serialization

extension JSON {
    /// Compact UTF-8 JSON with sorted keys, so equal values always give equal bytes.
    public func serialized() -> Data {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(to: &output)
        return Data(output)
    }

    /// Appends the UTF-8 bytes of this value (bytes, not Characters: this is on every message's path).
    public func write(to output: inout [UInt8]) {
        switch self {
        case .null:
            output += Self.nullBytes
        case let .bool(value):
            output += value ? Self.trueBytes : Self.falseBytes
        case let .int(value):
            output += String(value).utf8
        case let .double(value):
            if !value.isFinite {
                output += Self.nullBytes
            } else if value.rounded() == value && abs(value) < 1e15 {
                output += String(Int(value)).utf8
                output += [UInt8(ascii: "."), UInt8(ascii: "0")]
            } else {
                output += String(value).utf8
            }
        case let .string(value):
            Self.writeString(value, to: &output)
        case let .array(values):
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case let .object(members):
            output.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                members[key]!.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static let nullBytes = Array("null".utf8), trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Escapes quotes, backslashes and control characters; every other byte (UTF-8 included) passes through.
    private static func writeString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                output += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                           hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
