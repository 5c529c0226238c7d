/// A variable that a function made inside another function shares with the scope it came
/// from: both read and write the same binding, as Swift's closures capture variables.
/// Cells run on one thread at a time, which is what makes the unchecked Sendable sound.
final class CapturedCell: @unchecked Sendable {
    var binding: Binding
    init(_ binding: Binding) { self.binding = binding }
}

/// A captured variable: its name's number and the cell it lives in.
struct Capture: Sendable {
    let id: Int
    let cell: CapturedCell
}

/// One binding in a block or call scope. It lives in the scope itself until a function made
/// in that scope captures it; from then on it lives in a cell the function shares, so a
/// variable nobody captures costs no allocation.
struct LocalSlot {
    enum Storage {
        case inline(Binding)
        case shared(CapturedCell)
    }

    let id: Int
    var storage: Storage

    init(id: Int, binding: Binding) {
        self.id = id
        storage = .inline(binding)
    }

    init(_ capture: Capture) {
        id = capture.id
        storage = .shared(capture.cell)
    }

    var binding: Binding {
        get {
            switch storage {
            case let .inline(binding): binding
            case let .shared(cell): cell.binding
            }
        }
        set {
            switch storage {
            case .inline: storage = .inline(newValue)
            case let .shared(cell): cell.binding = newValue
            }
        }
    }

    /// The slot's cell, moving the binding into one if it is not shared yet.
    mutating func share() -> CapturedCell {
        switch storage {
        case let .shared(cell): return cell
        case let .inline(binding):
            let cell = CapturedCell(binding)
            storage = .shared(cell)
            return cell
        }
    }
}
