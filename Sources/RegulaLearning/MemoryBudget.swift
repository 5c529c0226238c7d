/// How much memory one request from a cell may ask for: the machine's physical memory, or the
/// control group's limit when it is lower (cgroup v2's `memory.max`, v1's
/// `memory.limit_in_bytes`), or the process's data or address-space limit, or `REGULA_MEMORY_BUDGET` (bytes) when that is set and lower
/// (the fuzzers set it under libFuzzer's memory limit).
///
/// Every size a person gives that becomes an allocation (features, samples, counts, bins, grid
/// sizes, λ counts, layer widths) is checked against it first, so a request that cannot succeed
/// is a `LearningError.tooLarge` naming the size and the budget, not an abort in `malloc`.
public enum MemoryBudget {
    /// The budget in bytes, read once.
    public static let bytes: Int = {
        var budget = physicalMemory()
        for path in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            if let limit = readNumber(path), limit > 0 { budget = min(budget, limit) }
        }
        // A process limit (`ulimit -d` or `-v`) makes malloc fail, however much the machine has.
        for resource in [RLIMIT_DATA, RLIMIT_AS] {
            var limit = rlimit()
            if getrlimit(__rlimit_resource_t(resource.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max, limit.rlim_cur < rlim_t(Int.max) {
                budget = min(budget, Int(limit.rlim_cur))
            }
        }
        if let text = getenv("REGULA_MEMORY_BUDGET"), let limit = Int(String(cString: text)), limit > 0 { budget = min(budget, limit) }
        return budget
    }()

    /// Throws `tooLarge` unless the product of `counts` elements of `bytesEach` bytes fits the
    /// budget. `what` names the request ("a model of 1000000000 features"). Negative counts are
    /// left to the caller's own checks.
    public static func check(_ what: @autoclosure () -> String, counts: [Int], bytesEach: Int = 8) throws(LearningError) {
        var total = Double(bytesEach)
        for count in counts { total *= Double(max(0, count)) }
        if total > Double(bytes) { throw .tooLarge(what: what(), bytes: total, budget: bytes) }
    }

    /// One count of elements.
    public static func check(_ what: @autoclosure () -> String, count: Int, bytesEach: Int = 8) throws(LearningError) {
        try check(what(), counts: [count], bytesEach: bytesEach)
    }

    static func physicalMemory() -> Int {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return Int.max }
        return pages.multipliedReportingOverflow(by: size).overflow ? Int.max : pages * size
    }

    /// The first line of a small file as a whole number; nil for "max", a missing file or text.
    static func readNumber(_ path: String) -> Int? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var buffer = [CChar](repeating: 0, count: 64)
        guard fgets(&buffer, Int32(buffer.count), file) != nil else { return nil }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Int(String(text.prefix { $0.isASCII && $0.isNumber }))
    }
}

/// A number of bytes for messages: "16 GB", "512 MB" (powers of 1000, three significant digits).
func formattedBytes(_ bytes: Double) -> String {
    let units = ["bytes", "kB", "MB", "GB", "TB", "PB", "EB"]
    var value = bytes, unit = 0
    while value >= 1000, unit < units.count - 1 {
        value /= 1000
        unit += 1
    }
    if value >= 1e15 { return "\(formatted(value)) \(units[unit])" }
    if unit == 0 || value >= 100 { return "\(Int(value.rounded())) \(units[unit])" }
    let tenths = (value * 10).rounded() / 10
    return "\(formatted(tenths)) \(units[unit])"
}
