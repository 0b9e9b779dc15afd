import CLibGit2

/// A git object id (SHA-1), held as its 40 lowercase hex digits.
public struct ObjectID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let hex: String

    init(_ oid: git_oid) {
        var oid = oid
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(40)
        withUnsafeBytes(of: &oid.id) { raw in
            for byte in raw {
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0f)])
            }
        }
        hex = String(decoding: out, as: UTF8.self)
    }

    /// An id from 40 hex digits; nil when the text is not one.
    public init?(hex: String) {
        let lower = hex.lowercased()
        guard lower.utf8.count == 40, lower.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            return nil
        }
        self.hex = lower
    }

    /// The first seven hex digits, as `git log --oneline` shows them.
    public var short: String { String(hex.prefix(7)) }

    public var description: String { hex }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool { lhs.hex < rhs.hex }

    /// The libgit2 form. The corresponding libgit2 function is `git_oid_fromstr`.
    var raw: git_oid {
        var oid = git_oid()
        _ = hex.withCString { git_oid_fromstr(&oid, $0) }
        return oid
    }
}

extension ObjectID {
    /// The id git gives a blob of these bytes (whether or not the repository holds it): a file on disk
    /// whose id is a commit's blob is committed there as it is.
    /// The corresponding libgit2 function is `git_odb_hash`.
    public static func blob(of bytes: [UInt8]) throws -> ObjectID {
        _ = libgit2Initialized
        var oid = git_oid()
        try check("git_odb_hash", bytes.withUnsafeBytes { git_odb_hash(&oid, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) })
        return ObjectID(oid)
    }
}
