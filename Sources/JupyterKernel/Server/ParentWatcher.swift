
/// Ends the kernel when the process that started it dies, as ipykernel's parent poller does,
/// so a crashed front end leaves no orphaned kernel behind.
enum ParentWatcher {
    /// Checks twice a second. Jupyter's launchers name the parent in `JPY_PARENT_PID`; without it,
    /// the kernel watches for being re-parented (its parent id changing).
    static func start(onParentExit: @escaping @Sendable () -> Void) {
        let originalParent = getppid()
        let namedParent = ProcessInfo.processInfo.environment["JPY_PARENT_PID"].flatMap { pid_t($0) }
        startThread("parent-watcher") {
            while true {
                usleep(500_000)
                if isGone(namedParent: namedParent, originalParent: originalParent) {
                    onParentExit()
                    return
                }
            }
        }
    }

    private static func isGone(namedParent: pid_t?, originalParent: pid_t) -> Bool {
        if getppid() != originalParent { return true }
        if let namedParent, namedParent > 1, kill(namedParent, 0) != 0, errno == ESRCH { return true }
        return false
    }
}
