import CLibGit2
import Foundation

/// Finds what commits changed, commit after commit, reading trees as raw bytes.
///
/// A walk over history compares each commit's tree with its parent's, and in a repository that adds
/// one result file per run the changed folder holds thousands of entries that are almost all the same
/// from one commit to the next. Parsing both trees entry by entry (as `git_diff_tree_to_tree` or
/// `git_tree_lookup` do) costs the size of the folder twice per commit. Here a tree is read raw from
/// the object database, its entry offsets are kept for the next commit, and two versions of a folder
/// are compared by their common prefix and suffix of bytes (`memcmp`): only the entries in between
/// are looked at. A tree of the previous commit is kept until the next one has been compared, so a
/// linear walk reads every tree once.
///
/// Not shared across threads; one per walk.
public final class TreeDiffer {
    let repository: Repository
    private let odb: OpaquePointer
    /// Trees read while comparing the previous commit, by id.
    private var previous: [TreeKey: RawTree] = [:]
    private var current: [TreeKey: RawTree] = [:]

    /// The corresponding libgit2 function is `git_repository_odb`.
    public init(repository: Repository) throws {
        self.repository = repository
        var odb: OpaquePointer?
        try check("git_repository_odb", git_repository_odb(&odb, repository.pointer))
        self.odb = odb!
    }

    deinit {
        git_odb_free(odb)
    }

    /// The files `commit` added, changed or deleted below any of `prefixes` ("" or none: everywhere),
    /// compared with `parent` (nil: with nothing, as for a root commit or the edge of a shallow clone).
    public func changes(in commit: ObjectID, since parent: ObjectID?, under prefixes: [String] = []) throws -> [FileChange] {
        defer {
            previous = current
            current = [:]
        }
        let newRoot = try tree(try rootTreeID(commit), counterpart: nil)
        let oldRoot = try parent.map { try tree(try rootTreeID($0), counterpart: nil) }
        var changes: [FileChange] = []
        for folder in Repository.outermost(prefixes.isEmpty ? [""] : prefixes) {
            let oldTree = try oldRoot.flatMap { try descend($0, to: folder, counterpart: nil) }
            let newTree = try descend(newRoot, to: folder, counterpart: oldTree)
            try compare(old: oldTree, new: newTree, base: folder.isEmpty ? "" : folder + "/", into: &changes)
        }
        return changes
    }

    // MARK: Reading trees

    private func rootTreeID(_ commit: ObjectID) throws -> TreeKey {
        let handle = try repository.lookupCommit(commit)
        defer { git_commit_free(handle) }
        return TreeKey(oid: git_commit_tree_id(handle)!)
    }

    /// A tree by id, from this commit's or the previous commit's trees when it was read already. Its
    /// offsets are worked out from `counterpart` (the same folder's tree in the other commit) when
    /// one is given.
    private func tree(_ key: TreeKey, counterpart: RawTree?) throws -> RawTree {
        if let found = current[key] ?? previous[key] {
            current[key] = found
            return found
        }
        var oid = key.oid
        var object: OpaquePointer?
        try check("git_odb_read", git_odb_read(&object, odb, &oid))
        let tree = RawTree(object: object!, counterpart: counterpart)
        current[key] = tree
        return tree
    }

    /// The subtree at `folder` ("" is the tree itself); nil when it is missing or not a folder.
    /// `counterpart` is the same folder in the other commit, to read the subtree's offsets from.
    private func descend(_ root: RawTree, to folder: String, counterpart: RawTree?) throws -> RawTree? {
        var tree = root
        let names = folder.split(separator: "/").filter { !$0.isEmpty }
        for (depth, name) in names.enumerated() {
            let bytes = Array(name.utf8)
            guard let index = tree.entries.firstIndex(where: { tree.hasName($0, bytes) }), tree.isTree(tree.entries[index]) else {
                return nil
            }
            tree = try self.tree(tree.id(of: tree.entries[index]), counterpart: depth == names.count - 1 ? counterpart : nil)
        }
        return tree
    }

    // MARK: Comparing

    private func compare(old: RawTree?, new: RawTree?, base: String, into changes: inout [FileChange]) throws {
        guard let new else {
            if let old { for entry in old.entries { try removed(old, entry, base: base, into: &changes) } }
            return
        }
        guard let old else {
            for entry in new.entries { try added(new, entry, base: base, into: &changes) }
            return
        }
        if old.key == new.key { return }
        // Entries in the common prefix and suffix of bytes are the same in both; only the middle differs.
        let (oldMiddle, newMiddle) = RawTree.differingEntries(old, new)
        var i = oldMiddle.lowerBound, j = newMiddle.lowerBound
        while i < oldMiddle.upperBound || j < newMiddle.upperBound {
            let order: Int
            if i == oldMiddle.upperBound { order = 1 } else if j == newMiddle.upperBound { order = -1 } else {
                order = RawTree.order(old, old.entries[i], new, new.entries[j])
            }
            if order == 0 {
                let o = old.entries[i], n = new.entries[j]
                i += 1
                j += 1
                if old.id(of: o) == new.id(of: n), old.mode(of: o) == new.mode(of: n) { continue }
                if old.isTree(o) && new.isTree(n) {
                    let oldSub = try tree(old.id(of: o), counterpart: nil)
                    let newSub = try tree(new.id(of: n), counterpart: oldSub)
                    try compare(old: oldSub, new: newSub, base: base + new.nameString(of: n) + "/", into: &changes)
                } else if !old.isTree(o) && !new.isTree(n) {
                    record(new, n, base: base, kind: .modified, into: &changes)
                } else {
                    try removed(old, o, base: base, into: &changes)
                    try added(new, n, base: base, into: &changes)
                }
            } else if order > 0 {
                try added(new, new.entries[j], base: base, into: &changes)
                j += 1
            } else {
                try removed(old, old.entries[i], base: base, into: &changes)
                i += 1
            }
        }
    }

    private func added(_ tree: RawTree, _ entry: Int, base: String, into changes: inout [FileChange]) throws {
        if tree.isTree(entry) {
            try compare(old: nil, new: try self.tree(tree.id(of: entry), counterpart: nil), base: base + tree.nameString(of: entry) + "/", into: &changes)
        } else {
            record(tree, entry, base: base, kind: .added, into: &changes)
        }
    }

    private func removed(_ tree: RawTree, _ entry: Int, base: String, into changes: inout [FileChange]) throws {
        if tree.isTree(entry) {
            try compare(old: try self.tree(tree.id(of: entry), counterpart: nil), new: nil, base: base + tree.nameString(of: entry) + "/", into: &changes)
        } else {
            record(tree, entry, base: base, kind: .deleted, into: &changes)
        }
    }

    /// Records a file (links and submodules are not files and are left out).
    private func record(_ tree: RawTree, _ entry: Int, base: String, kind: FileChange.Kind, into changes: inout [FileChange]) {
        guard tree.isFile(entry) else { return }
        changes.append(FileChange(kind: kind, path: base + tree.nameString(of: entry), blob: ObjectID(tree.id(of: entry).oid)))
    }
}

/// A tree id as a dictionary key.
struct TreeKey: Hashable {
    let high: UInt64, middle: UInt64, low: UInt32

    init(oid pointer: UnsafePointer<git_oid>) {
        self.init(bytes: UnsafeRawPointer(pointer))
    }

    /// From the 20 bytes of an id.
    init(bytes raw: UnsafeRawPointer) {
        high = raw.loadUnaligned(as: UInt64.self)
        middle = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        low = raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
    }

    var oid: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { bytes in
            bytes.storeBytes(of: high, toByteOffset: 0, as: UInt64.self)
            bytes.storeBytes(of: middle, toByteOffset: 8, as: UInt64.self)
            bytes.storeBytes(of: low, toByteOffset: 16, as: UInt32.self)
        }
        return oid
    }
}

/// A tree object's raw bytes, `<mode> <name>\0<20-byte id>` per entry, and where each entry starts.
final class RawTree {
    private let object: OpaquePointer
    let bytes: UnsafeRawBufferPointer
    let key: TreeKey
    /// The offset of each entry, in order.
    private(set) var starts: [Int] = []
    /// How these bytes agree with the counterpart they were read against, so that comparing the two
    /// again does not scan them again.
    private var agreement: (with: TreeKey, common: CommonBytes)?

    var entries: Range<Int> { 0..<starts.count }

    init(object: OpaquePointer, counterpart: RawTree?) {
        self.object = object
        bytes = UnsafeRawBufferPointer(start: git_odb_object_data(object), count: git_odb_object_size(object))
        key = TreeKey(oid: git_odb_object_id(object)!)
        if let counterpart {
            let common = RawTree.commonBytes(counterpart, bytes)
            starts = RawTree.offsets(of: bytes, reusing: counterpart, common: common)
            agreement = (counterpart.key, common)
        } else {
            starts = RawTree.offsets(of: bytes, from: 0)
        }
    }

    deinit {
        git_odb_object_free(object)
    }

    /// Entry offsets by parsing from `start` to the end.
    static func offsets(of bytes: UnsafeRawBufferPointer, from start: Int) -> [Int] {
        var starts: [Int] = []
        var position = start
        while position < bytes.count {
            starts.append(position)
            position = entryEnd(bytes, position)
        }
        return starts
    }

    /// Where the entry that starts at `position` ends: after its name's NUL and 20 id bytes.
    static func entryEnd(_ bytes: UnsafeRawBufferPointer, _ position: Int) -> Int {
        guard let base = bytes.baseAddress,
              let nul = memchr(base + position, 0, bytes.count - position) else { return bytes.count }
        return min(bytes.count, base.distance(to: UnsafeRawPointer(nul)) + 21)
    }

    /// Entry offsets of these bytes, taken from the other version of the folder where the bytes agree:
    /// the entries in the common prefix are at the same offsets, those in the common suffix shifted by
    /// the difference in size; only the entries in between are parsed.
    static func offsets(of bytes: UnsafeRawBufferPointer, reusing other: RawTree, common: CommonBytes) -> [Int] {
        let prefixCount = common.prefixEntries
        var starts = Array(other.starts[..<prefixCount])
        var position = prefixCount < other.starts.count ? other.starts[prefixCount] : other.bytes.count
        let shift = bytes.count - other.bytes.count
        // The first entry of the other version that lies wholly in the common suffix.
        var next = lowerBound(other.starts, other.bytes.count - common.suffixLength)
        while position < bytes.count {
            while next < other.starts.count, other.starts[next] + shift < position { next += 1 }
            if next < other.starts.count, other.starts[next] + shift == position {
                starts += other.starts[next...].map { $0 + shift }
                return starts
            }
            starts.append(position)
            position = entryEnd(bytes, position)
        }
        return starts
    }

    /// How many leading entries of `old` are byte for byte at the start of `new`, and the length of
    /// the common prefix of bytes.
    static func commonPrefixEntries(_ old: UnsafeRawBufferPointer, _ starts: [Int], _ new: UnsafeRawBufferPointer) -> (Int, Int) {
        let limit = min(old.count, new.count)
        var length = 0
        if let a = old.baseAddress, let b = new.baseAddress {
            // memcmp in blocks, then byte by byte within the block that differs.
            let block = 4096
            while length < limit {
                let count = min(block, limit - length)
                if memcmp(a + length, b + length, count) == 0 {
                    length += count
                    continue
                }
                while length < limit, old[length] == new[length] { length += 1 }
                break
            }
        }
        // Entries whose end (the next start, or the end of old) is within the prefix.
        var count = upperBound(starts, length) - 1
        while count >= 0 {
            let end = count + 1 < starts.count ? starts[count + 1] : old.count
            if end <= length { break }
            count -= 1
        }
        return (max(count + 1, 0), length)
    }

    /// The length of the common suffix of bytes, at most `limit`.
    static func commonSuffix(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, limit: Int) -> Int {
        guard limit > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return 0 }
        var length = 0
        let block = 4096
        while length < limit {
            let count = min(block, limit - length)
            let left = pa + (a.count - length - count), right = pb + (b.count - length - count)
            if memcmp(left, right, count) == 0 {
                length += count
                continue
            }
            while length < limit, a[a.count - 1 - length] == b[b.count - 1 - length] { length += 1 }
            break
        }
        return length
    }

    /// The entries of each version that are not in their common prefix or suffix.
    static func differingEntries(_ old: RawTree, _ new: RawTree) -> (Range<Int>, Range<Int>) {
        let common = new.agreement.flatMap { $0.with == old.key ? $0.common : nil } ?? commonBytes(old, new.bytes)
        let prefixCount = common.prefixEntries, suffix = common.suffixLength
        // Entries that start in the common suffix of bytes, at offsets that correspond (the same
        // distance from the end), are the same entries: from a common start the bytes parse alike.
        let oldEnd = max(lowerBound(old.starts, old.bytes.count - suffix), prefixCount)
        let newEnd = max(lowerBound(new.starts, new.bytes.count - suffix), prefixCount)
        let shift = new.bytes.count - old.bytes.count
        var tail = min(old.starts.count - oldEnd, new.starts.count - newEnd)
        while tail > 0, new.starts[new.starts.count - tail] != old.starts[old.starts.count - tail] + shift { tail -= 1 }
        return (prefixCount..<(old.starts.count - tail), prefixCount..<(new.starts.count - tail))
    }

    /// The common prefix of two versions' bytes (in whole entries of the old one, and in bytes) and
    /// their common suffix, which does not reach into the prefix.
    struct CommonBytes {
        let prefixEntries: Int
        let suffixLength: Int
    }

    static func commonBytes(_ old: RawTree, _ new: UnsafeRawBufferPointer) -> CommonBytes {
        let (prefixEntries, prefixLength) = commonPrefixEntries(old.bytes, old.starts, new)
        let limit = min(old.bytes.count, new.count) - prefixLength
        return CommonBytes(prefixEntries: prefixEntries, suffixLength: commonSuffix(old.bytes, new, limit: max(limit, 0)))
    }

    /// The first index whose value is at least `value`.
    static func lowerBound(_ values: [Int], _ value: Int) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The first index whose value is above `value`.
    static func upperBound(_ values: [Int], _ value: Int) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    // MARK: Entries

    private func nameRange(of entry: Int) -> Range<Int> {
        let start = starts[entry]
        var space = start
        while space < bytes.count, bytes[space] != 0x20 { space += 1 }
        let end = (entry + 1 < starts.count ? starts[entry + 1] : bytes.count) - 21
        return (space + 1)..<max(space + 1, end)
    }

    /// Whether the entry's name is these bytes, compared in place.
    func hasName(_ entry: Int, _ name: [UInt8]) -> Bool {
        let range = nameRange(of: entry)
        return range.count == name.count && memcmp(bytes.baseAddress! + range.lowerBound, name, name.count) == 0
    }

    func nameString(of entry: Int) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[nameRange(of: entry)]), as: UTF8.self)
    }

    /// The octal mode as written: `100644`, `100755`, `40000`, `120000`, `160000`.
    func mode(of entry: Int) -> Int {
        var value = 0
        var position = starts[entry]
        while position < bytes.count, bytes[position] != 0x20 {
            value = value * 8 + Int(bytes[position] &- 0x30)
            position += 1
        }
        return value
    }

    func isTree(_ entry: Int) -> Bool { mode(of: entry) == 0o40000 }

    func isFile(_ entry: Int) -> Bool {
        let mode = mode(of: entry)
        return mode == 0o100644 || mode == 0o100755 || mode == 0o100664
    }

    func id(of entry: Int) -> TreeKey {
        let end = entry + 1 < starts.count ? starts[entry + 1] : bytes.count
        return TreeKey(bytes: bytes.baseAddress! + end - 20)
    }

    /// git's order of tree entries: by name, a folder's name compared as if it ended in `/`.
    static func order(_ a: RawTree, _ i: Int, _ b: RawTree, _ j: Int) -> Int {
        let x = a.nameRange(of: i), y = b.nameRange(of: j)
        let common = min(x.count, y.count)
        let result = memcmp(a.bytes.baseAddress! + x.lowerBound, b.bytes.baseAddress! + y.lowerBound, common)
        if result != 0 { return result < 0 ? -1 : 1 }
        let nextA: UInt8 = x.count > common ? a.bytes[x.lowerBound + common] : (a.isTree(i) ? 0x2F : 0)
        let nextB: UInt8 = y.count > common ? b.bytes[y.lowerBound + common] : (b.isTree(j) ? 0x2F : 0)
        return nextA == nextB ? 0 : (nextA < nextB ? -1 : 1)
    }
}
