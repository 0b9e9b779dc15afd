import Foundation

extension Configuration {
    /// `--config FILE` when given (a path on disk, read for both sides of a comparison, so that an old
    /// revision without a regress.yml is read with today's globs); else the source's own regress.yml.
    public static func load(file: String?, orFrom source: ArtifactSource) throws -> Configuration {
        guard let file else { return try load(from: source) }
        guard let data = FileManager.default.contents(atPath: file) else { throw RegressError.unreadableFile(path: file) }
        return try parse(String(decoding: data, as: UTF8.self), file: file)
    }

    /// What a report says about the configuration a comparison read its base with, when that is not
    /// the base's own: the head's regress.yml (or the defaults) read both sides. Nil when the base
    /// revision's own file says the same, or when `--config` chose the file for both sides.
    static func baseNotice(base: ArtifactSource, used: Configuration, explicit: Bool) -> String? {
        guard !explicit else { return nil }
        let own = try? load(from: base)
        if let own, own.sameSelection(as: used) { return nil }
        let which = used.origin == "defaults" ? "the default globs (the head has no regress.yml)" : "the head's \(used.origin)"
        let why = own == nil ? "its own regress.yml does not read" : (own!.origin == "defaults" ? "it has no regress.yml" : "its own \(own!.origin) differs")
        return "the base was read with \(which): \(why); `--config FILE` names the file to read both sides with"
    }

    /// True when two configurations select and read artifacts the same way (their origins aside).
    func sameSelection(as other: Configuration) -> Bool {
        var a = self, b = other
        a.origin = ""
        b.origin = ""
        return a == b
    }
}
