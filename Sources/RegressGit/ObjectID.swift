import CLibGit2

/// A git object id (SHA-1): its 20 bytes, held inline (a long walk keeps one per commit). `hex` spells
/// them as 40 lowercase hex digits; ids order as their hex digits do.
public struct ObjectID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The bytes, big-endian: bytes 0-7, 8-15 and 16-19, so that comparing the three in turn compares
    /// the bytes in order.
    private let high: UInt64, middle: UInt64, low: UInt32

    init(_ oid: git_oid) {
        var oid = oid
        (high, middle, low) = withUnsafeBytes(of: &oid.id) { raw in
            (UInt64(bigEndian: raw.loadUnaligned(as: UInt64.self)),
             UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
             UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self)))
        }
    }

    /// An id from 40 hex digits (either case); nil when the text is not one.
    /// The corresponding libgit2 function is `git_oid_fromstr`.
    public init?(hex: String) {
        guard hex.utf8.count == 40,
              hex.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) || (65...70).contains($0) }) else {
            return nil
        }
        var oid = git_oid()
        guard hex.withCString({ git_oid_fromstr(&oid, $0) }) == 0 else { return nil }
        self.init(oid)
    }

    /// The 40 lowercase hex digits.
    public var hex: String {
        String(unsafeUninitializedCapacity: 40) { out in
            func spell(_ word: UInt64, digits: Int, at start: Int) {
                for index in 0..<digits {
                    let nibble = UInt8(truncatingIfNeeded: word >> UInt64(4 * (digits - 1 - index))) & 0x0f
                    out[start + index] = nibble < 10 ? 48 + nibble : 87 + nibble
                }
            }
            spell(high, digits: 16, at: 0)
            spell(middle, digits: 16, at: 16)
            spell(UInt64(low), digits: 8, at: 32)
            return 40
        }
    }

    /// The first seven hex digits, as `git log --oneline` shows them.
    public var short: String { String(hex.prefix(7)) }

    public var description: String { hex }

    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool {
        (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low)
    }

    /// The libgit2 form.
    var raw: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { bytes in
            bytes.storeBytes(of: high.bigEndian, toByteOffset: 0, as: UInt64.self)
            bytes.storeBytes(of: middle.bigEndian, toByteOffset: 8, as: UInt64.self)
            bytes.storeBytes(of: low.bigEndian, toByteOffset: 16, as: UInt32.self)
        }
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
