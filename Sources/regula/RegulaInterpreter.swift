import JupyterKernel
import RegulaLanguage

/// Plugs the Regula language into the kernel through its one interpreter seam.
final class RegulaInterpreter: Interpreter {
    private let session = Session()
    private lazy var controls = LiveControls(session: session)

    let languageInfo = LanguageInfo(
        name: "regula", version: Regula.version, mimetype: "text/x-regula", fileExtension: ".regula",
        // Regula reads like Swift, so front ends highlight it with their Swift modes.
        pygmentsLexer: "swift", codemirrorMode: "swift",
        implementation: "regula", implementationVersion: Regula.version,
        banner: "Regula \(Regula.version): a kernel for studying regularization. Type help(plot) to start.",
        helpLinks: [(text: "Regula language", url: "https://github.com/regula-kernel/regula/blob/main/docs/language.md")]
    )

    func execute(
        code: String, executionCount: Int, silent: Bool, origin: CellOrigin, publisher: any OutputPublisher,
        isInterrupted: @escaping @Sendable () -> Bool
    ) -> Result<ExecutionResult, ExecutionError> {
        controls.beginCell(code: code, executionCount: executionCount, origin: origin)
        let sink = PublisherSink(publisher, htmlLimit: { [session] in session.outputLimits.html }, controls: controls)
        let outcome = session.execute(code, output: sink, isInterrupted: isInterrupted)
        controls.showPending()
        switch outcome {
        case let .success(result):
            return .success(ExecutionResult(
                value: result.value.map { MIMEBundle($0, htmlLimit: session.outputLimits.html) }, payloads: result.pages.map { ExecutionResult.pagerPayload(MIMEBundle($0, htmlLimit: 0)) }))
        case let .failure(error):
            let traceback = DiagnosticFormatter.render(error, source: code, cellName: "cell [\(executionCount)]")
            return .failure(ExecutionError(name: error.kind.rawValue, value: error.message, traceback: traceback))
        }
    }

    func complete(code: String, cursor: Int) -> Completion {
        let completion = session.completions(in: code, cursor: cursor)
        return Completion(matches: completion.matches, cursorStart: completion.start, cursorEnd: completion.end)
    }

    func inspect(code: String, cursor: Int, detailLevel: Int) -> MIMEBundle? {
        session.documentation(in: code, cursor: cursor).map { MIMEBundle(plainText: $0) }
    }

    func attach(comms: CommManager) {
        controls.attach(comms: comms)
    }

    func isComplete(code: String) -> Completeness {
        switch session.completeness(of: code) {
        case .complete: .complete
        case let .incomplete(indent): .incomplete(indent: indent)
        case .invalid: .invalid
        }
    }
}

extension MIMEBundle {
    /// The bundle a front end gets: the display's representations, and for a chart its
    /// rendition for untrusted notebooks (`ChartRendition`) when it fits the session's HTML limit.
    init(_ display: DisplayBundle, htmlLimit: Int) {
        self.init(data: display.representations.mapValues(JSON.string))
        if let svg = display.svg, display.html == nil, ChartRendition.isEnabled {
            let html = ChartRendition.html(svg: svg, description: display.plainText)
            if html.utf8.count <= htmlLimit { data["text/html"] = .string(html) }
        }
    }
}

/// Sends a cell's (or a redraw's) output to the kernel's publisher.
final class PublisherSink: OutputSink {
    let publisher: any OutputPublisher
    let htmlLimit: () -> Int
    /// Shows `interact`'s controls as widgets.
    unowned let controls: LiveControls

    init(_ publisher: any OutputPublisher, htmlLimit: @escaping () -> Int, controls: LiveControls) {
        self.publisher = publisher
        self.htmlLimit = htmlLimit
        self.controls = controls
    }

    func interact(_ interaction: Interaction) {
        controls.add(interaction, publisher: publisher)
    }

    func write(_ text: String, toStandardError: Bool) {
        publisher.write(text, to: toStandardError ? .stderr : .stdout)
    }

    func display(_ bundle: DisplayBundle, id: String?) {
        publisher.display(MIMEBundle(bundle, htmlLimit: htmlLimit()), displayID: id)
    }

    func update(_ bundle: DisplayBundle, id: String) {
        publisher.update(MIMEBundle(bundle, htmlLimit: htmlLimit()), displayID: id)
    }

    func clearOutput(wait: Bool) {
        publisher.clearOutput(wait: wait)
    }

    func readInput(prompt: String, password: Bool) throws(InputFailure) -> String {
        do {
            return try publisher.readInput(prompt: prompt, password: password)
        } catch {
            switch error {
            case .notAllowed: throw .unavailable("this front end does not accept input (allow_stdin is false)")
            case .interrupted: throw .interrupted
            case .shuttingDown: throw .unavailable("the kernel is shutting down")
            case let .channelFailed(reason): throw .unavailable("the stdin channel failed (\(reason))")
            }
        }
    }
}
