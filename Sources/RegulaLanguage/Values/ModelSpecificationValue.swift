/// A model kind given to `fit`, as `linear` or `mlp(hidden: [8])`: its name, nothing more.
extension ModelSpecification: ValueKind {
    public static let typeName = "Model"

    public var description: String { name }
}
