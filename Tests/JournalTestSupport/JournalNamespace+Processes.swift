/// Running code against a namespaced journald: child processes under `unshare`, or a body
/// on a private thread that has the namespace's socket bind-mounted.
public import Foundation
import Glibc
import Synchronization

extension JournalNamespace {
    /// What a finished child printed and how it ended.
    public struct RunResult: Sendable {
        /// Exit status (or 128 + signal number when killed by a signal).
        public var status: Int32
        /// Everything it wrote to stdout, decoded as UTF-8.
        public var stdout: String
        /// Everything it wrote to stderr, decoded as UTF-8.
        public var stderr: String
    }

    /// `argv` wrapped so it runs in a private mount namespace where /run/systemd/journal is this journald's.
    public func wrapped(_ argv: [String]) -> [String] {
        ["/usr/bin/unshare", "--mount", "--propagation", "private", "/bin/sh", "-c",
         "mount --bind \"$1\" \(Self.journalDirectory) && shift && exec \"$@\"", "sh", directory] + argv
    }

    /// Starts `argv` under this journald (see `wrapped`); `environment` replaces the inherited one when given.
    public func launch(_ argv: [String], environment: [String: String]? = nil,
                       stdout: FileHandle? = nil, stderr: FileHandle? = nil) throws -> Process {
        let full = wrapped(argv)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: full[0])
        p.arguments = Array(full.dropFirst())
        if let environment { p.environment = environment }
        if let stdout { p.standardOutput = stdout }
        if let stderr { p.standardError = stderr }
        try p.run()
        return p
    }

    /// Runs `argv` under this journald to completion and collects its output.
    public func run(_ argv: [String], environment: [String: String]? = nil) throws -> RunResult {
        let out = Pipe(), err = Pipe()
        let p = try launch(argv, environment: environment, stdout: out.fileHandleForWriting, stderr: err.fileHandleForWriting)
        try out.fileHandleForWriting.close()
        try err.fileHandleForWriting.close()
        // Drain both pipes concurrently so a chatty child cannot block on a full pipe.
        let errData = Mutex<Data>(Data())
        let errDone = DispatchSemaphore(value: 0)
        let errHandle = err.fileHandleForReading
        Thread {
            let data = errHandle.readDataToEndOfFile()
            errData.withLock { $0 = data }
            errDone.signal()
        }.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        p.waitUntilExit()
        let status = p.terminationReason == .uncaughtSignal ? 128 + p.terminationStatus : p.terminationStatus
        return RunResult(status: status, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData.withLock { $0 }, as: UTF8.self))
    }

    /// Runs `body` on a new thread that has its own mount namespace with this journald bound on
    /// /run/systemd/journal, so `Journal.send` from `body` reaches this journald. Other threads are
    /// unaffected (unshare(CLONE_NEWNS) applies to the calling thread only; mounts are made private first).
    public func withBoundJournal<T: Sendable>(_ body: @escaping @Sendable () throws -> T) throws -> T {
        let outcome = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let dir = directory
        let thread = Thread {
            defer { done.signal() }
            let result: Result<T, any Error>
            do {
                try ThreadMountNamespace.enterPrivate()
                try ThreadMountNamespace.bind(dir, onto: Self.journalDirectory)
                result = .success(try body())
            } catch {
                result = .failure(error)
            }
            outcome.withLock { $0 = result }
        }
        thread.start()
        done.wait()
        return try outcome.withLock { $0! }.get()
    }
}

/// unshare(2) and mount(2) for the current thread (looked up with dlsym: Glibc's Swift module
/// does not export these GNU declarations).
enum ThreadMountNamespace {
    private typealias UnshareFn = @convention(c) (Int32) -> Int32
    private typealias MountFn = @convention(c) (UnsafePointer<CChar>?, UnsafePointer<CChar>?,
                                                UnsafePointer<CChar>?, UInt, UnsafeRawPointer?) -> Int32
    private static let cloneNewNS: Int32 = 0x0002_0000
    private static let msBind: UInt = 4096, msRec: UInt = 16384, msPrivate: UInt = 1 << 18

    private static func symbol<F>(_ name: String, as: F.Type) throws -> F {
        guard let handle = dlopen(nil, RTLD_NOW), let sym = dlsym(handle, name) else {
            throw JournalNamespaceError("cannot find \(name)() in libc")
        }
        return unsafeBitCast(sym, to: F.self)
    }

    /// New mount namespace for this thread, with every mount made private (nothing propagates back).
    static func enterPrivate() throws {
        let unshare = try symbol("unshare", as: UnshareFn.self)
        let mount = try symbol("mount", as: MountFn.self)
        guard unshare(cloneNewNS) == 0 else {
            throw JournalNamespaceError("unshare(CLONE_NEWNS) failed: \(String(cString: strerror(errno)))")
        }
        guard mount(nil, "/", nil, msRec | msPrivate, nil) == 0 else {
            throw JournalNamespaceError("making mounts private failed: \(String(cString: strerror(errno))); nothing was bound")
        }
    }

    /// mount --bind `source` `target` (in this thread's namespace; call `enterPrivate` first).
    static func bind(_ source: String, onto target: String) throws {
        let mount = try symbol("mount", as: MountFn.self)
        guard mount(source, target, nil, msBind, nil) == 0 else {
            throw JournalNamespaceError("bind-mounting \(source) on \(target) failed: \(String(cString: strerror(errno)))")
        }
    }
}
