import Glibc

/// Reads files from a folder an attacker may write to: never follows links, never blocks on
/// FIFOs, never reads more than a limit, and reports what it refused in a sentence.
public enum SafeFile {
    /// lstat without following links: the identity and kind of the entry itself.
    public static func identity(atPath path: String) throws(FileReadError) -> (FileIdentity, FileKind) {
        try identity(atPathBytes: Array(path.utf8))
    }

    /// `identity(atPath:)` for a path given as raw bytes (names need not be UTF-8).
    public static func identity(atPathBytes path: [UInt8]) throws(FileReadError) -> (FileIdentity, FileKind) {
        var st = stat()
        let rc = withCString(path) { lstat($0, &st) }
        guard rc == 0 else { throw error(path, errno: errno, operation: "lstat") }
        return (FileIdentity(st), FileKind(mode: st.st_mode))
    }

    /// open(O_RDONLY|O_NOFOLLOW|O_NONBLOCK|O_CLOEXEC|O_NOCTTY), fstat must be a regular file, refuse above
    /// maxBytes without reading, read it all (refusing a file that grows past maxBytes meanwhile);
    /// the identity is the fstat of the opened file.
    public static func read(path: String, maxBytes: Int) throws(FileReadError) -> (bytes: [UInt8], identity: FileIdentity) {
        try read(pathBytes: Array(path.utf8), maxBytes: maxBytes)
    }

    /// `read(path:maxBytes:)` for a path given as raw bytes (names need not be UTF-8).
    public static func read(pathBytes path: [UInt8], maxBytes: Int) throws(FileReadError) -> (bytes: [UInt8], identity: FileIdentity) {
        let flags = O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY
        var fd: Int32 = -1
        repeat { fd = withCString(path) { open($0, flags) } } while fd < 0 && errno == EINTR
        guard fd >= 0 else { throw error(path, errno: errno, operation: "open") }
        defer { close(fd) }

        var st = stat()
        guard fstat(fd, &st) == 0 else { throw error(path, errno: errno, operation: "fstat") }
        let kind = FileKind(mode: st.st_mode)
        guard kind == .regular else {
            throw FileReadError(escapedPath: escapedFileName(bytes: path), reason: .notRegular(kind))
        }
        guard Int64(st.st_size) <= Int64(maxBytes) else {
            throw FileReadError(escapedPath: escapedFileName(bytes: path),
                                reason: .tooLarge(size: Int64(st.st_size), limit: maxBytes))
        }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(st.st_size) + 1)
        let chunk = 64 << 10
        // Read into one scratch buffer and append what arrived: appending `want` zeros per read
        // (repeatElement) cost ~15 ms per file in debug builds and zeroed 64 KB twice per file.
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            var failure: Int32 = 0
            // Read at most one byte past the limit: enough to know the file grew beyond it.
            let want = min(chunk, maxBytes + 1 - bytes.count)
            var got = 0
            while true {
                got = Glibc.read(fd, buffer.baseAddress!, want)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { failure = errno }
                break
            }
            guard got >= 0 else { throw error(path, errno: failure, operation: "read") }
            if got == 0 { break }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
            if bytes.count > maxBytes {
                throw FileReadError(escapedPath: escapedFileName(bytes: path), reason: .grewPastLimit(limit: maxBytes))
            }
        }
        return (bytes, FileIdentity(st))
    }

    /// One entry of a directory listing: the raw name, a lossy display form and the lstat kind.
    public struct DirectoryEntry: Sendable, Hashable {
        /// The name exactly as the kernel returned it.
        public var nameBytes: [UInt8]
        /// The name decoded as UTF-8 (invalid bytes become U+FFFD): for display and sorting only.
        public var name: String { String(decoding: nameBytes, as: UTF8.self) }
        /// What the entry is (never follows links).
        public var kind: FileKind
        /// The entry's identity from lstat.
        public var identity: FileIdentity
    }

    /// The entries of a directory (without `.` and `..`), each lstat'ed; entries that vanish meanwhile are left out.
    public static func listDirectory(atPath path: String) throws(FileReadError) -> [DirectoryEntry] {
        let dirBytes = Array(path.utf8)
        let dirfd = withCString(dirBytes) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW) }
        guard dirfd >= 0 else { throw error(dirBytes, errno: errno, operation: "open") }
        guard let dir = fdopendir(dirfd) else {
            let code = errno
            close(dirfd)
            throw error(dirBytes, errno: code, operation: "fdopendir")
        }
        defer { closedir(dir) }
        var entries: [DirectoryEntry] = []
        while true {
            errno = 0
            guard let ent = readdir(dir) else {
                if errno != 0 { throw error(dirBytes, errno: errno, operation: "readdir") }
                break
            }
            let name: [UInt8] = withUnsafeBytes(of: &ent.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            var st = stat()
            let rc = withCString(name) { fstatat(dirfd, $0, &st, AT_SYMLINK_NOFOLLOW) }
            guard rc == 0 else { continue }
            entries.append(DirectoryEntry(nameBytes: name, kind: FileKind(mode: st.st_mode), identity: FileIdentity(st)))
        }
        return entries
    }

    private static func error(_ path: [UInt8], errno code: Int32, operation: String) -> FileReadError {
        let reason: FileReadError.Reason = switch code {
        case ENOENT: .disappeared
        case ELOOP where operation == "open": .symbolicLink
        case ENXIO where operation == "open": .notRegular(.socket)  // open() on a socket
        default: .system(operation: operation, errno: code)
        }
        return FileReadError(escapedPath: escapedFileName(bytes: path), reason: reason)
    }

    private static func withCString<R>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        (path + [0]).withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}
