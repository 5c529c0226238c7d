
/// A rich output: data keyed by MIME type (`text/plain` always), with metadata.
public struct MIMEBundle: Sendable, Equatable {
    public var data: [String: JSON]
    public var metadata: [String: JSON]

    public init(data: [String: JSON], metadata: [String: JSON] = [:]) {
        self.data = data
        self.metadata = metadata
    }

    public init(plainText: String) {
        self.init(data: ["text/plain": .string(plainText)])
    }
}

/// The standard streams a cell writes to.
public enum OutputStream: String, Sendable {
    case stdout, stderr
}

/// What a running cell can publish while it runs. The kernel sends each call on IOPub at once,
/// tied to the request that is executing.
public protocol OutputPublisher: Sendable {
    func write(_ text: String, to stream: OutputStream)
    /// Shows `bundle`; with a `displayID`, later `update` calls replace it in place.
    func display(_ bundle: MIMEBundle, displayID: String?)
    /// Replaces the contents of the display with `displayID`.
    func update(_ bundle: MIMEBundle, displayID: String)
    /// Clears the cell's output (with `wait`, when the next output arrives).
    func clearOutput(wait: Bool)
    /// Asks the front end for a line of input (`input_request` on the stdin channel) and waits
    /// for it; `password` asks the front end to hide what is typed.
    func readInput(prompt: String, password: Bool) throws(InputError) -> String
}

/// What a front end says about the cell it runs, in the request's metadata. JupyterLab and
/// Notebook 7 send the cell's id and the ids of the cells deleted since the last run; other
/// clients (nbclient, a console) may send neither. A language can use them to forget what a
/// re-run or deleted cell showed.
public struct CellOrigin: Sendable, Equatable {
    /// The cell's id (nbformat 4.5's `id`), or nil when the front end sent none.
    public var cellID: String?
    /// The cells deleted since the last execution.
    public var deletedCellIDs: [String]

    public init(cellID: String? = nil, deletedCellIDs: [String] = []) {
        self.cellID = cellID
        self.deletedCellIDs = deletedCellIDs
    }

    /// The origin a request's metadata names (`cellId`, `deletedCells`); what is not a string is ignored.
    public init(metadata: JSON) {
        cellID = metadata["cellId"].stringValue
        deletedCellIDs = metadata["deletedCells"].arrayValue?.compactMap(\.stringValue) ?? []
    }
}

/// A failed execution, reported as Jupyter's `error`.
public struct ExecutionError: Error, Sendable, Equatable {
    /// The error's kind, such as `ParseError`.
    public var name: String
    public var value: String
    /// The lines a front end shows (may carry ANSI colour codes).
    public var traceback: [String]

    public init(name: String, value: String, traceback: [String]) {
        self.name = name
        self.value = value
        self.traceback = traceback
    }
}

/// A successful execution: an optional result and payloads (such as a pager page).
public struct ExecutionResult: Sendable, Equatable {
    public var value: MIMEBundle?
    public var payloads: [JSON]

    public init(value: MIMEBundle? = nil, payloads: [JSON] = []) {
        self.value = value
        self.payloads = payloads
    }

    /// A payload that opens the pager with `bundle`, as `help(...)` does.
    public static func pagerPayload(_ bundle: MIMEBundle) -> JSON {
        ["source": "page", "data": .object(bundle.data), "start": 0]
    }
}

/// The completions for the code at a cursor. Offsets count Unicode code points, as the protocol says.
public struct Completion: Sendable, Equatable {
    public var matches: [String]
    public var cursorStart: Int
    public var cursorEnd: Int
    public var metadata: [String: JSON]

    public init(matches: [String], cursorStart: Int, cursorEnd: Int, metadata: [String: JSON] = [:]) {
        self.matches = matches
        self.cursorStart = cursorStart
        self.cursorEnd = cursorEnd
        self.metadata = metadata
    }
}

/// Whether a cell is ready to run, as `is_complete` answers it.
public enum Completeness: Sendable, Equatable {
    case complete
    /// More lines are expected; the next line starts with `indent`.
    case incomplete(indent: String)
    case invalid
    case unknown
}

/// The language's facts for `kernel_info_reply`.
public struct LanguageInfo: Sendable {
    public var name: String
    public var version: String
    public var mimetype: String
    public var fileExtension: String
    public var pygmentsLexer: String
    public var codemirrorMode: String
    public var implementation: String
    public var implementationVersion: String
    public var banner: String
    public var helpLinks: [(text: String, url: String)]

    public init(
        name: String, version: String, mimetype: String, fileExtension: String,
        pygmentsLexer: String, codemirrorMode: String, implementation: String,
        implementationVersion: String, banner: String, helpLinks: [(text: String, url: String)]
    ) {
        self.name = name
        self.version = version
        self.mimetype = mimetype
        self.fileExtension = fileExtension
        self.pygmentsLexer = pygmentsLexer
        self.codemirrorMode = codemirrorMode
        self.implementation = implementation
        self.implementationVersion = implementationVersion
        self.banner = banner
        self.helpLinks = helpLinks
    }
}

/// The one seam between the kernel and a language, after xeus's interpreter interface.
/// The kernel calls these from its shell thread, one request at a time.
public protocol Interpreter: AnyObject {
    /// Facts about the language. Called once, at start.
    var languageInfo: LanguageInfo { get }

    /// Runs a cell. `isInterrupted` turns true when the user interrupts; a long computation should
    /// check it and stop with an error, keeping the session's state.
    func execute(
        code: String, executionCount: Int, silent: Bool, origin: CellOrigin, publisher: any OutputPublisher,
        isInterrupted: @escaping @Sendable () -> Bool
    ) -> Result<ExecutionResult, ExecutionError>

    /// Completions at `cursor`, counted in Unicode code points.
    func complete(code: String, cursor: Int) -> Completion

    /// Documentation for what is at `cursor`, or nil when nothing is known there.
    func inspect(code: String, cursor: Int, detailLevel: Int) -> MIMEBundle?

    func isComplete(code: String) -> Completeness

    /// Called once on the shell thread before the first request, with the kernel's comms: a
    /// language that speaks comms registers its targets here (`CommManager.register`) and keeps
    /// the manager to open comms of its own and to `deliverPending()` while a cell runs.
    /// The comms' callbacks run on the shell thread too, so never at the same time as another
    /// method of the interpreter, except where the language itself calls `deliverPending()`.
    func attach(comms: CommManager)
}

extension Interpreter {
    /// A language without comms: every `comm_open` from a front end is answered with `comm_close`.
    public func attach(comms: CommManager) {}
}
