import Foundation
import RegressGit

/// The branch `baseline record --branch` commits onto: its local tip, else the remote-tracking
/// `origin/NAME` (a fresh clone in CI has only that), else a new branch with a first commit.
struct BaselineBranch {
    let repository: Repository
    let name: String
    let parent: ObjectID?
    /// Where the parent came from, for the message: `regress-baselines` or `origin/regress-baselines`.
    let parentName: String?

    init(repository: Repository, name: String) throws {
        self.repository = repository
        self.name = name
        if let local = try repository.branchTip(name) {
            (parent, parentName) = (local, name)
        } else if let remote = try repository.tip(ofReference: "refs/remotes/origin/" + name) {
            (parent, parentName) = (remote, "origin/" + name)
        } else {
            (parent, parentName) = (nil, nil)
        }
    }

    /// The baselines already on the branch, which a record updates (keeping their accepted changes).
    var parentSource: CommitSource? {
        get throws { try parent.map { try CommitSource(repository: repository, revision: $0.hex) } }
    }

    func commit(_ files: [(path: String, bytes: [UInt8])], message: String, signature: Signature) throws -> BranchCommit {
        try repository.commit(files: files, onto: name, parent: parent, message: message, signature: signature)
    }

    /// Who commits: GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL when both are set (as git reads them; a CI
    /// job sets them instead of writing git's configuration), else user.name and user.email, else "regress".
    static func signature(repository: Repository, environment: [String: String], time: Int64) -> Signature {
        if let name = environment["GIT_COMMITTER_NAME"], let email = environment["GIT_COMMITTER_EMAIL"], !name.isEmpty, !email.isEmpty {
            return Signature(name: name, email: email, time: time)
        }
        return repository.configuredSignature(time: time) ?? Signature(name: "regress", email: "regress@localhost", time: time)
    }

    /// The commit message: what was recorded, from where, for which machines.
    static func message(files: [(file: BaselineFile, path: String)], source: String, commit: String?) -> String {
        let machines = Set(files.map(\.file.fingerprint.id)).sorted()
        let count = files.count == 1 ? "1 baseline" : "\(files.count) baselines"
        var text = "Record \(count) of fingerprint\(machines.count == 1 ? "" : "s") \(machines.joined(separator: ", ")) " +
            "from \(source)" + (commit.map { " at \(String($0.prefix(7)))" } ?? "") + "\n\n"
        for item in files.sorted(by: { $0.path < $1.path }) {
            text += "\(item.path): \(item.file.entries.count) metric\(item.file.entries.count == 1 ? "" : "s") of \(item.file.series)\n"
        }
        return text
    }

    /// The last line of `baseline record --branch`: the commit made (or that none was), and how to push it.
    func outcome(_ made: BranchCommit) -> String {
        guard made.changed else {
            return "the baselines on \(parentName ?? name) (\(made.id.short)) are already these: no commit made"
        }
        let on = made.parent.map { " on \(parentName ?? name) (\($0.short))" } ?? " as its first commit"
        return "committed \(made.id.short) to branch \(name)\(on); the working tree is unchanged. " +
            "Publish with `git push origin \(name)`"
    }
}
