import Testing

@testable import RegulaLanguage

/// `plot` has a form per kind of first argument, each declaring the arguments it takes: an
/// argument that does not apply to what is drawn is an error, never ignored.
@Suite("plot's forms")
struct PlotFormTests {
    static let setup = """
    let data = synthetic(samples: 40, features: 4, informative: 2, noise: 0.5, seed: 1)
    let path = lassoPath(data, lambdas: 10)
    let cv = crossValidate(path, folds: 4, seed: 0)
    let trained = fit(linear, data, penalty: l1(0.1), optimizer: adam(lr: 0.01), epochs: 3)
    let log = record()
    log.add(epoch: 1, loss: 2)
    log.add(epoch: 2, loss: 1)

    """

    /// Every form, with an argument that belongs to another form.
    @Test(arguments: [
        ("plot([1, 2], cv: cv)", "plot() of lists of numbers has no argument 'cv:'"),
        ("plot(l1(1), kind: \"bar\")", "plot() of penalties or functions has no argument 'kind:'"),
        ("plot(trained, from: 0)", "plot() of fits has no argument 'from:'"),
        ("plot(path, show: \"loss\")", "plot() of a Path has no argument 'show:'"),
        ("plot(cv, x: \"norm\")", "plot() of a CrossValidation has no argument 'x:'"),
        ("plot(data, over: [1])", "plot() of a Dataset has no argument 'over:'"),
        ("plot(log, x: \"epoch\", cv: cv)", "plot() of a Log has no argument 'cv:'"),
        ("plot(linear(features: 2), names: [\"a\"])", "plot() of a Model has no argument 'names:'"),
        ("plot(geometry(l1, l2, loss: quadratic(center: [1.5, 0.6], correlation: 0.4)), from: 0)", "plot() of a Geometry has no argument 'from:'"),
    ])
    func anArgumentOfAnotherFormIsAnError(source: String, message: String) {
        let failure = run(Self.setup + source).failureMessage
        #expect(failure?.hasPrefix(message) == true, "\(source): \(failure ?? "no error")")
    }

    /// An argument of the wrong type is an error too, never taken for "left out".
    @Test(arguments: [
        ("plot([1, 2, 3], names: \"squares\")", "plot() expects a List for 'names:', got String"),
        ("plot([1, 2, 3], over: 5)", "plot() expects a List for 'over:', got Number"),
        ("plot(l1(1), names: \"L1\")", "plot() expects a List for 'names:', got String"),
        ("plot(trained, names: \"a\")", "plot() expects a List for 'names:', got String"),
        ("plot(log, x: \"epoch\", separate: \"yes\")", "plot() expects a Bool for 'separate:', got String"),
        ("plot(l1(1), separate: 1)", "plot() expects a Bool for 'separate:', got Number"),
    ])
    func anArgumentOfTheWrongTypeIsAnError(source: String, message: String) {
        #expect(run(Self.setup + source).failureMessage == message, "\(source)")
    }

    @Test func aValueDrawnAloneTakesNoSecond() {
        let failure = run(Self.setup + "plot(path, path)").failureMessage
        #expect(failure?.hasPrefix("plot() of a Path takes 1 unlabelled argument(s), got more; its other arguments need labels ('x:', 'cv:', 'at:', 'title:'); its signature is plot(_ path: Path, x: String = \"lambda\"") == true, "\(failure ?? "")")
    }

    @Test func aKindWithoutAPictureNamesWhatPlotDraws() {
        #expect(run("plot(coordinateDescent())").failureMessage
            == "plot() draws lists of numbers, penalties or functions, fits, a Dataset, a Path, a CrossValidation, a Model, a Log or a Geometry; got an Optimizer here")
        #expect(run("plot()").failureMessage == "plot() needs something to draw, as in plot([1, 4, 9])")
    }

    /// The forms' own arguments still work, `title:` on every form.
    @Test(arguments: [
        "plot([1, 4, 9], over: [1, 2, 3], kind: \"bar\", title: \"T\")",
        "plot(l1(1), l2(1), from: -1, to: 1, separate: true, title: \"T\")",
        "plot(trained, show: \"loss\", title: \"T\")",
        "plot(path, x: \"norm\", cv: cv, title: \"T\")",
        "plot(cv, title: \"T\")",
        "plot(data, title: \"T\")",
        "plot(log, x: \"epoch\", title: \"T\")",
        "plot(linear(features: 2), title: \"T\")",
        "plot(geometry(l1, l2, loss: quadratic(center: [1.5, 0.6], correlation: 0.4)), title: \"T\")",
    ])
    func everyFormTakesItsArgumentsAndATitle(source: String) throws {
        let session = Session()
        let result = try session.execute(Self.setup + source, output: RecordingSink()).get()
        #expect(result.value?.svg?.contains(">T</text>") == true, "\(source)")
    }

    /// After a `.`, a variable's members; a literal list's (or a name not bound yet) `count`;
    /// nothing after a call, whose value is not known without running it.
    @Test func completionAfterADot() throws {
        let session = Session()
        _ = try session.execute(Self.setup, output: RecordingSink()).get()
        #expect(session.completions(in: "path.co", cursor: 7).matches == ["coefficients", "count"])
        #expect(session.completions(in: "[1, 2].", cursor: 7).matches == ["count"])
        #expect(session.completions(in: "l1(1).", cursor: 6).matches.isEmpty)
        #expect(session.completions(in: "lassoPath(data).", cursor: 16).matches.isEmpty)
    }

    /// Shift-Tab on a method gives its page (no empty example, no summary twice); on a
    /// property, its value.
    @Test func inspectionOfMembers() throws {
        let session = Session()
        _ = try session.execute(Self.setup, output: RecordingSink()).get()
        let page = try #require(session.documentation(in: "data.split", cursor: 10))
        #expect(page == "split(_ fraction: Number, seed: Number)\n\nA seeded random split into (train:, test:), the training part holding `fraction` of the samples.\n\nParameters:\n    _ fraction: Number\n        The share of the samples in the training part, between 0 and 1.\n    seed: Number\n        Seeds the random order of the samples.")
        #expect(session.documentation(in: "path.count", cursor: 10) == "path.count: Number = 10")
    }

    @Test func onlyFunctionsOfOneNumberAreDrawnAsCurves() {
        #expect(run("plot(print)").failureMessage?.hasPrefix("plot() draws functions of one number; print() is not one: its signature is print(") == true)
    }

    @Test func helpAndTheSignatureShowEachForm() throws {
        let plot = try #require(BuiltinRegistry.all["plot"])
        let lines = plot.signature.split(separator: "\n")
        #expect(lines.count == plot.forms.count)
        #expect(lines.contains("plot(_ cv: CrossValidation, title: String? = nothing)"))
        #expect(plot.helpText.contains("Of a Path: its coefficients against λ, each line named at its end.\n    _ path: Path\n"))
        #expect(BuiltinRegistry.referenceMarkdown().contains("Of fits: one view of one or more fits, overlaid or side by side.\n\n* `_ fits: Fit...`: The fits to draw.\n"))
    }

    /// Tab inside `plot(` offers the labels of the form its first argument selects, when that
    /// is a variable; every form's otherwise. A method's labels come from its declaration.
    @Test func completionOffersTheFormsLabels() throws {
        let session = Session()
        _ = try session.execute(Self.setup, output: RecordingSink()).get()
        let labels = { (source: String) in session.completions(in: source, cursor: source.unicodeScalars.count).matches.filter { $0.hasSuffix(":") } }
        #expect(labels("plot(path, ") == ["x:", "cv:", "at:", "title:"])
        #expect(labels("plot(data, ") == ["title:"])
        #expect(labels("plot([1, 2], ").contains("kind:") && labels("plot([1, 2], ").contains("from:"))
        #expect(labels("data.split(0.8, se") == ["seed:"])
        _ = try session.execute("let draw = plot\nlet pen = l1(1)", output: RecordingSink()).get()
        #expect(labels("pen.prox([1], st") == ["step:"])
        #expect(labels("draw(cv, ") == ["title:"])
    }
}
